#pragma once
// Bytes as lowercase hexadecimal text, two digits per byte.

#include <string>
#include <string_view>

namespace shop::common::auth {

std::string hex_encode(std::string_view bytes);

}  // namespace shop::common::auth
