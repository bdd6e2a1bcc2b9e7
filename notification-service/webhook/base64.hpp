#pragma once
// Standard base64 with padding (RFC 4648 section 4), the encoding Standard Webhooks uses
// for secrets and signatures.

#include <optional>
#include <string>
#include <string_view>

namespace shop::notification::webhook {

std::string base64_encode(std::string_view bytes);

// Strict: padding is required, and whitespace or characters outside the alphabet refuse.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace shop::notification::webhook
