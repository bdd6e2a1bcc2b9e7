#pragma once
// Storage seams of user-service: interfaces here, PostgreSQL adapters beside them.

#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "models/user.hpp"

namespace shop::user::repository {

template <class T>
using Task = boost::asio::awaitable<common::Result<T>>;

struct Credentials {
  models::User user;
  std::string password_hash;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  // kConflict when the email is taken.
  virtual Task<models::User> create(const models::NewUser& user) = 0;
  // Creates the account unless one with its email exists; never changes an existing one.
  virtual Task<void> create_if_absent(const models::NewUser& user) = 0;
  virtual Task<std::optional<Credentials>> find_credentials(const std::string& email) = 0;
  // kNotFound when there is no such user.
  virtual Task<models::User> find_by_id(const std::string& id) = 0;
  virtual Task<models::User> update_profile(const std::string& id,
                                            const models::ProfileChange& change) = 0;
};

struct RefreshToken {
  std::string token_hash;
  std::string user_id;
  std::string family_id;
  std::int64_t ttl_seconds = 0;
};

struct Rotation {
  enum class Outcome { kRotated, kReused, kInvalid } outcome = Outcome::kInvalid;
  std::string user_id;  // set when rotated
};

class TokenRepository {
 public:
  virtual ~TokenRepository() = default;
  virtual Task<void> store(const RefreshToken& token) = 0;
  // Marks `presented_hash` used and stores its successor in the same family, atomically.
  // A token that was already used revokes its whole family (kReused).
  virtual Task<Rotation> rotate(const std::string& presented_hash,
                                const std::string& successor_hash,
                                std::int64_t successor_ttl_seconds) = 0;
  virtual Task<void> revoke_family_of(const std::string& token_hash) = 0;
};

struct StoredKey {
  std::string kid;
  std::string secret_key;  // raw Ed25519 secret key
  bool active = false;
};

class KeyRepository {
 public:
  virtual ~KeyRepository() = default;
  // Stores `candidate` as the active key unless one is active already (several replicas
  // may race here), then returns every stored key.
  virtual Task<std::vector<StoredKey>> load_or_create(const StoredKey& candidate) = 0;
};

}  // namespace shop::user::repository
