#pragma once
// What the channel workers read and keep about the targets they send to.

#include <boost/asio/awaitable.hpp>

#include <memory>
#include <optional>
#include <string>

#include "common/db/pool.hpp"
#include "common/errors.hpp"

namespace shop::notification::repository {

template <class T>
using Task = boost::asio::awaitable<common::Result<T>>;

struct WebhookEndpoint {
  std::string url{};
  std::string secret{};
  bool active = false;  // enabled and not deleted
};

struct PushEndpoint {
  std::string endpoint{};
  std::string p256dh;
  std::string auth{};
};

class ChannelTargets {
 public:
  explicit ChannelTargets(std::shared_ptr<common::db::Pool> pool) : pool_(std::move(pool)) {}

  Task<std::optional<WebhookEndpoint>> webhook(const std::string& webhook_id);
  // A delivery arrived: the failure count starts again.
  Task<void> webhook_delivered(const std::string& webhook_id);
  // A delivery was given up: counted, and the webhook is disabled once `disable_after`
  // deliveries in a row failed (at once when `gone`).
  Task<void> webhook_failed(const std::string& webhook_id, int disable_after, bool gone);

  Task<std::optional<PushEndpoint>> push_subscription(const std::string& subscription_id);
  Task<void> forget_push_subscription(const std::string& subscription_id);

 private:
  std::shared_ptr<common::db::Pool> pool_;
};

}  // namespace shop::notification::repository
