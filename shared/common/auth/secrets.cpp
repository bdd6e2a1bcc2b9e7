#include "common/auth/secrets.hpp"

#include <sodium.h>

#include "common/auth/sha256.hpp"

namespace shop::common::auth {

bool secrets_equal(std::string_view presented, std::string_view expected) {
  const std::string presented_digest = sha256(presented);
  const std::string expected_digest = sha256(expected);
  return sodium_memcmp(presented_digest.data(), expected_digest.data(), expected_digest.size()) ==
         0;
}

}  // namespace shop::common::auth
