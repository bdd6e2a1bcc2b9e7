#include "common/auth/password.hpp"

#include <sodium.h>

#include "common/auth/crypto_init.hpp"

namespace shop::common::auth {
namespace {

// libsodium reads hash strings as NUL-terminated C strings, so an embedded NUL or an
// over-long input must be refused before a copy is handed over.
bool plausible_hash(std::string_view hash) {
  return !hash.empty() && hash.size() < crypto_pwhash_STRBYTES &&
         hash.find('\0') == std::string_view::npos;
}

}  // namespace

PasswordParams PasswordParams::interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordParams PasswordParams::fast() {
  return {crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};
}

Result<std::string> hash_password(std::string_view password, const PasswordParams& params) {
  init_crypto();
  if (password.size() > crypto_pwhash_PASSWD_MAX) {
    return Error::internal("password too long to hash");
  }
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), params.ops_limit,
                            params.mem_limit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Error::internal("password hashing failed");
  }
  return std::string(out);
}

bool verify_password(std::string_view hash, std::string_view password) {
  init_crypto();
  if (!plausible_hash(hash) || password.size() > crypto_pwhash_PASSWD_MAX) return false;
  const std::string stored(hash);
  return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

bool needs_rehash(std::string_view hash, const PasswordParams& params) {
  init_crypto();
  if (!plausible_hash(hash)) return true;
  const std::string stored(hash);
  // The Argon2id-specific check also answers "rehash" for an Argon2i string, which is what
  // moves old hashes to the current algorithm.
  return crypto_pwhash_argon2id_str_needs_rehash(stored.c_str(), params.ops_limit,
                                                 params.mem_limit) != 0;
}

}  // namespace shop::common::auth
