#include "common/auth/random.hpp"

#include <sodium.h>

#include <array>

#include "common/auth/base64url.hpp"
#include "common/auth/crypto_init.hpp"
#include "common/auth/hex.hpp"

namespace shop::common::auth {

std::string random_bytes(std::size_t count) {
  init_crypto();
  std::string out(count, '\0');
  if (count > 0) randombytes_buf(out.data(), out.size());
  return out;
}

std::string random_token(std::size_t bytes) { return base64url_encode(random_bytes(bytes)); }

std::string random_hex(std::size_t bytes) { return hex_encode(random_bytes(bytes)); }

std::string new_uuid() {
  init_crypto();
  std::array<unsigned char, 16> b{};
  randombytes_buf(b.data(), b.size());
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // variant 10xx

  constexpr std::string_view kHex = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[b[i] >> 4]);
    out.push_back(kHex[b[i] & 0x0F]);
  }
  return out;
}

}  // namespace shop::common::auth
