#pragma once
// Base64url without padding (RFC 4648 section 5), the encoding JWS, JWK and our opaque
// tokens use.

#include <optional>
#include <string>
#include <string_view>

namespace shop::common::auth {

std::string base64url_encode(std::string_view bytes);

// Strict: rejects padding, whitespace, characters outside the url-safe alphabet, a length
// of 1 mod 4, and non-zero unused trailing bits. The last rule makes every byte string
// have exactly one accepted encoding, so a signed token cannot be altered textually
// while still verifying.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace shop::common::auth
