#include "api/auth_handlers.hpp"

#include <chrono>

#include "api/conversions.hpp"
#include "common/auth/random.hpp"
#include "common/auth/sha256.hpp"
#include "common/runtime/blocking.hpp"
#include "models/validation.hpp"

namespace shop::user::api {
namespace {

using common::Error;
namespace auth = common::auth;

constexpr std::size_t kRefreshTokenBytes = 32;
const char* const kLoginFailed = "the email or password is incorrect";

struct IssuedRefresh {
  std::string token;
  std::string hash;
};

IssuedRefresh new_refresh_token() {
  auto token = auth::random_token(kRefreshTokenBytes);
  auto hash = auth::sha256_hex(token);
  return {std::move(token), std::move(hash)};
}

v1::TokenPair token_pair(const Deps& deps, const models::User& user, std::string refresh_token) {
  const auto now = auth::unix_now();
  const auto& settings = deps.token_settings;
  const auth::Claims claims{
      user.id,          user.roles,     now, now + settings.access_ttl_seconds,
      auth::new_uuid(), settings.issuer};
  v1::TokenPair pair;
  pair.set_access_token(auth::sign(*deps.signing_key, claims));
  pair.set_refresh_token(std::move(refresh_token));
  pair.set_token_type("Bearer");
  pair.set_expires_in(static_cast<std::int32_t>(settings.access_ttl_seconds));
  return pair;
}

common::Result<void> require_refresh_token(const std::string& token) {
  if (token.empty()) return Error::validation({{"refresh_token", "must not be empty"}});
  return {};
}

}  // namespace

Task<v1::User> register_user(const Deps& deps, const v1::RegisterRequest& request) {
  models::Registration registration{request.email(), request.password(), request.name()};
  if (auto errors = models::validate_registration(registration); !errors.empty()) {
    co_return Error::validation(std::move(errors));
  }
  // Named, not a temporary: GCC 12 destroys temporaries inside co_await expressions twice.
  auto hashing = [password = registration.password, params = deps.password_params] {
    return auth::hash_password(password, params);
  };
  auto hash = co_await common::runtime::run_blocking(*deps.hashing_pool, std::move(hashing));
  if (!hash) co_return hash.error();
  // GCC 12 mishandles braced lists inside co_await expressions: build arguments first.
  const models::NewUser user{registration.email, registration.name, *hash, {models::kCustomerRole}};
  auto created = co_await deps.users->create(user);
  if (!created) co_return created.error();
  co_return to_proto(*created);
}

Task<v1::TokenPair> login(const Deps& deps, const v1::LoginRequest& request) {
  auto found = co_await deps.users->find_credentials(models::normalize_email(request.email()));
  if (!found) co_return found.error();
  const std::string stored_hash = *found ? (*found)->password_hash : deps.decoy_password_hash;
  auto verifying = [stored_hash, password = request.password()] {
    return auth::verify_password(stored_hash, password);
  };
  const bool matches =
      co_await common::runtime::run_blocking(*deps.hashing_pool, std::move(verifying));
  if (!*found || !matches) co_return Error::unauthenticated(kLoginFailed);
  auto refresh_token = new_refresh_token();
  const auto family = auth::new_uuid();
  const repository::RefreshToken record{refresh_token.hash, (*found)->user.id, family,
                                        deps.token_settings.refresh_ttl_seconds};
  auto stored = co_await deps.tokens->store(record);
  if (!stored) co_return stored.error();
  co_return token_pair(deps, (*found)->user, std::move(refresh_token.token));
}

Task<v1::TokenPair> refresh(const Deps& deps, const v1::RefreshRequest& request) {
  if (auto valid = require_refresh_token(request.refresh_token()); !valid) co_return valid.error();
  auto successor = new_refresh_token();
  auto rotation =
      co_await deps.tokens->rotate(auth::sha256_hex(request.refresh_token()), successor.hash,
                                   deps.token_settings.refresh_ttl_seconds);
  if (!rotation) co_return rotation.error();
  if (rotation->outcome != repository::Rotation::Outcome::kRotated) {
    co_return Error::unauthenticated("the refresh token is invalid, expired or already used");
  }
  auto user = co_await deps.users->find_by_id(rotation->user_id);
  if (!user) co_return Error::unauthenticated("the account no longer exists");
  co_return token_pair(deps, *user, std::move(successor.token));
}

Task<google::protobuf::Empty> logout(const Deps& deps, const v1::LogoutRequest& request) {
  if (auto valid = require_refresh_token(request.refresh_token()); !valid) co_return valid.error();
  auto revoked = co_await deps.tokens->revoke_family_of(auth::sha256_hex(request.refresh_token()));
  if (!revoked) co_return revoked.error();
  co_return google::protobuf::Empty{};
}

}  // namespace shop::user::api
