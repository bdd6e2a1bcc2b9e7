#include "common/auth/crypto_init.hpp"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>

namespace shop::common::auth {

void init_crypto() {
  // A function-local static is initialised exactly once even under concurrent first calls.
  static const bool initialised = [] {
    if (sodium_init() < 0) {
      std::fputs("fatal: libsodium failed to initialise\n", stderr);
      std::abort();
    }
    return true;
  }();
  (void)initialised;
}

}  // namespace shop::common::auth
