#pragma once
// Argon2id password hashing in the PHC string format ("$argon2id$v=19$m=...,t=...,p=1$...").
//
// Every function here is CPU- and memory-heavy by design (tens of milliseconds and tens of
// MiB with the interactive defaults) and blocks the calling thread. Never call them on an
// I/O thread: post them to a worker pool (for example boost::asio::thread_pool) and
// co_await the result, so one login cannot stall every other request on that executor.

#include <cstddef>
#include <string>
#include <string_view>

#include "common/errors.hpp"

namespace shop::common::auth {

struct PasswordParams {
  unsigned long long ops_limit;
  std::size_t mem_limit;

  // libsodium's "interactive" profile: the production default for logins.
  static PasswordParams interactive();
  // The smallest cost libsodium accepts. For tests only: offers no real protection.
  static PasswordParams fast();

  bool operator==(const PasswordParams&) const = default;
};

// Hashes with a fresh random salt. Fails (kInternal) only when the memory limit cannot be
// allocated or the parameters are outside libsodium's bounds.
Result<std::string> hash_password(std::string_view password,
                                  const PasswordParams& params = PasswordParams::interactive());

// Constant-time check of `password` against a stored hash. False for a wrong password and
// for anything that is not a valid hash string.
bool verify_password(std::string_view hash, std::string_view password);

// True when the stored hash should be replaced after a successful login: it is not
// Argon2id, its parameters differ from `params`, or it cannot be parsed.
bool needs_rehash(std::string_view hash,
                  const PasswordParams& params = PasswordParams::interactive());

}  // namespace shop::common::auth
