#include "common/identity/authenticator.hpp"

#include <google/protobuf/util/json_util.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "common/observability/logger.hpp"
#include "proto/user.pb.h"

namespace shop::common::identity {
namespace {

// Bounds how often unknown key ids (e.g. forged tokens) can make us ask for keys.
constexpr std::chrono::seconds kMinRefreshInterval{1};
constexpr std::string_view kUnknownKey = "unknown key";
const std::string kGetJwks = "/shop.user.v1.UserService/GetJwks";

}  // namespace

std::string_view bearer_token(std::string_view authorization) {
  constexpr std::string_view kPrefix = "Bearer ";
  if (authorization.size() <= kPrefix.size()) return {};
  for (std::size_t i = 0; i < kPrefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(authorization[i])) !=
        std::tolower(static_cast<unsigned char>(kPrefix[i]))) {
      return {};
    }
  }
  return authorization.substr(kPrefix.size());
}

Authenticator::Authenticator(std::shared_ptr<common::grpc_glue::UnaryCaller> user_service,
                             std::chrono::milliseconds timeout)
    : user_service_(std::move(user_service)),
      timeout_(timeout),
      keys_(std::make_shared<const common::auth::KeySet>()) {}

std::shared_ptr<const common::auth::KeySet> Authenticator::keys() const {
  std::lock_guard lock(mutex_);
  return keys_;
}

boost::asio::awaitable<common::Result<common::auth::Claims>> Authenticator::verify(
    std::string_view token, const common::grpc_glue::CallContext& call) {
  if (token.empty()) co_return common::Error::unauthenticated("an access token is required");
  auto claims = verified_.verify(*keys(), token, common::auth::unix_now());
  if (claims || claims.error().detail != kUnknownKey) co_return claims;
  co_await refresh_keys(call);
  co_return verified_.verify(*keys(), token, common::auth::unix_now());
}

boost::asio::awaitable<void> Authenticator::refresh_keys(
    const common::grpc_glue::CallContext& call) {
  {
    std::lock_guard lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    if (now - last_refresh_ < kMinRefreshInterval) co_return;
    last_refresh_ = now;
  }
  co_await fetch_keys(call);
}

boost::asio::awaitable<void> Authenticator::keep_keys_fresh(std::chrono::seconds period) {
  boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor);
  const common::grpc_glue::CallContext background;
  for (;;) {
    const bool fetched = co_await fetch_keys(background);
    if (fetched) {
      timer.expires_after(period);
    } else {
      timer.expires_after(kMinRefreshInterval);
    }
    auto [ec] = co_await timer.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
    if (ec) co_return;
  }
}

boost::asio::awaitable<bool> Authenticator::fetch_keys(const common::grpc_glue::CallContext& call) {
  common::grpc_glue::CallContext anonymous{call.request_id, call.traceparent, {}, call.deadline};
  auto request = user::v1::GetJwksRequest().SerializeAsString();
  auto reply = co_await user_service_->call(kGetJwks, std::move(request), anonymous, timeout_);
  user::v1::Jwks jwks;
  std::string json;
  if (!reply.status.ok() || !jwks.ParseFromString(reply.body) ||
      !google::protobuf::util::MessageToJsonString(jwks, &json).ok()) {
    common::obs::warn("cannot fetch signing keys", {{"error", reply.status.error_message()}});
    co_return false;
  }
  auto keys = common::auth::KeySet::from_jwks(json);
  if (!keys) {
    common::obs::warn("signing keys rejected", {{"error", keys.error().detail}});
    co_return false;
  }
  std::lock_guard lock(mutex_);
  keys_ = std::make_shared<const common::auth::KeySet>(std::move(*keys));
  co_return true;
}

}  // namespace shop::common::identity
