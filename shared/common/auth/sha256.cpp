#include "common/auth/sha256.hpp"

#include <sodium.h>

#include "common/auth/base64url.hpp"
#include "common/auth/crypto_init.hpp"
#include "common/auth/hex.hpp"

namespace shop::common::auth {

std::string sha256(std::string_view data) {
  init_crypto();
  std::string out(crypto_hash_sha256_BYTES, '\0');
  crypto_hash_sha256(reinterpret_cast<unsigned char*>(out.data()),
                     reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return out;
}

std::string sha256_hex(std::string_view data) { return hex_encode(sha256(data)); }

std::string sha256_base64url(std::string_view data) { return base64url_encode(sha256(data)); }

}  // namespace shop::common::auth
