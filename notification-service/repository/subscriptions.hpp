#pragma once
// Webhook and Web Push subscriptions, and the notification history users read.

#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/db/pool.hpp"
#include "common/errors.hpp"

namespace shop::notification::repository {

template <class T>
using Task = boost::asio::awaitable<common::Result<T>>;

struct Webhook {
  std::string id{};
  std::string owner_id{};
  std::string url{};
  std::vector<std::string> event_types{};
  std::string secret{};
  bool enabled = true;
  std::string disabled_reason{};
  std::string created_at{};
};

struct NewWebhook {
  std::string owner_id{};
  bool owner_is_admin = false;
  std::string url{};
  std::vector<std::string> event_types{};
  std::string secret{};
};

struct PushSubscription {
  std::string id{};
  std::string user_id{};
  std::string endpoint{};
  std::string p256dh;
  std::string auth{};
  std::string created_at{};
};

struct NotificationRecord {
  std::string id{};
  std::string channel{};
  std::string event_type{};
  std::string template_name{};
  std::string status{};
  std::string order_id{};
  std::string created_at{};
  std::string sent_at{};
  std::int64_t attempts = 0;
};

struct AttemptRecord {
  std::int64_t status_code = 0;
  std::string error{};
  std::int64_t duration_ms = 0;
  std::string attempted_at{};
};

struct WebhookDeliveryRecord {
  std::string id{};
  std::string event_id{};
  std::string event_type{};
  std::string status{};
  std::string created_at{};
  std::vector<AttemptRecord> attempts{};
};

class SubscriptionStore {
 public:
  explicit SubscriptionStore(std::shared_ptr<common::db::Pool> pool) : pool_(std::move(pool)) {}

  Task<Webhook> create_webhook(const NewWebhook& webhook);
  Task<std::vector<Webhook>> webhooks_of(const std::string& owner_id);
  // kNotFound unless the webhook exists, is not deleted and belongs to `owner_id`.
  Task<Webhook> webhook_of(const std::string& owner_id, const std::string& webhook_id);
  Task<void> delete_webhook(const std::string& owner_id, const std::string& webhook_id);
  Task<std::vector<WebhookDeliveryRecord>> webhook_deliveries(const std::string& webhook_id,
                                                              std::int64_t limit);

  // The same endpoint again replaces its keys (a browser re-subscribing) and its owner.
  Task<PushSubscription> save_push_subscription(const PushSubscription& subscription);
  Task<void> delete_push_subscription(const std::string& user_id, const std::string& endpoint);

  Task<std::vector<NotificationRecord>> notifications_of(const std::string& user_id,
                                                         std::int64_t limit);

 private:
  std::shared_ptr<common::db::Pool> pool_;
};

}  // namespace shop::notification::repository
