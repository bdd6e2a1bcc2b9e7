#pragma once
// Verifies access tokens against user-service's published keys: the gateway at the
// edge, services again for their admin methods. Keys are cached and fetched again when
// a token names a key the cache does not know (rotation).

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <memory>
#include <mutex>

#include "common/auth/verified_tokens.hpp"
#include "common/grpc/unary_caller.hpp"

namespace shop::common::identity {

class Authenticator {
 public:
  Authenticator(std::shared_ptr<common::grpc_glue::UnaryCaller> user_service,
                std::chrono::milliseconds timeout);

  boost::asio::awaitable<common::Result<common::auth::Claims>> verify(
      std::string_view token, const common::grpc_glue::CallContext& call);

  // Keeps the key cache warm: fetches the keys now, again every `period`, and every
  // second while none could be fetched yet. Runs until the executor stops.
  boost::asio::awaitable<void> keep_keys_fresh(std::chrono::seconds period);

 private:
  // Returns whether the keys were fetched.
  boost::asio::awaitable<bool> fetch_keys(const common::grpc_glue::CallContext& call);
  boost::asio::awaitable<void> refresh_keys(const common::grpc_glue::CallContext& call);
  std::shared_ptr<const common::auth::KeySet> keys() const;

  std::shared_ptr<common::grpc_glue::UnaryCaller> user_service_;
  std::chrono::milliseconds timeout_;
  mutable std::mutex mutex_;
  std::shared_ptr<const common::auth::KeySet> keys_;
  common::auth::VerifiedTokens verified_;
  std::chrono::steady_clock::time_point last_refresh_{};
};

// The token in "Authorization: Bearer <token>", or empty.
std::string_view bearer_token(std::string_view authorization);

}  // namespace shop::common::identity
