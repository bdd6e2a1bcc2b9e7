#pragma once
// What every user-service handler needs, built once in main and shared read-only.

#include <boost/asio/thread_pool.hpp>

#include <chrono>
#include <memory>
#include <string>

#include "common/auth/jwt.hpp"
#include "common/auth/password.hpp"
#include "common/auth/verified_tokens.hpp"
#include "repository/user_repository.hpp"

namespace shop::user::api {

struct TokenSettings {
  std::int64_t access_ttl_seconds = 900;
  std::int64_t refresh_ttl_seconds = 1'209'600;
  std::string issuer = "shop";
};

struct Deps {
  std::shared_ptr<repository::UserRepository> users;
  std::shared_ptr<repository::TokenRepository> tokens;
  std::shared_ptr<const common::auth::SigningKey> signing_key;
  std::shared_ptr<const common::auth::KeySet> public_keys;
  std::shared_ptr<common::auth::VerifiedTokens> verified_tokens =
      std::make_shared<common::auth::VerifiedTokens>();
  TokenSettings token_settings;
  common::auth::PasswordParams password_params;
  // Verified against when an email is unknown, so that answer takes as long as a
  // wrong password and does not reveal which emails have accounts.
  std::string decoy_password_hash;
  std::shared_ptr<boost::asio::thread_pool> hashing_pool;
};

template <class T>
using Task = boost::asio::awaitable<common::Result<T>>;

}  // namespace shop::user::api
