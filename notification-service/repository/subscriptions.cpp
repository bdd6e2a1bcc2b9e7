#include "repository/subscriptions.hpp"

#include "common/text.hpp"

namespace shop::notification::repository {
namespace {

namespace db = common::db;
using common::Error;

constexpr std::string_view kUtc = "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'";

std::string utc(std::string_view column) {
  return "to_char(" + std::string(column) + " AT TIME ZONE 'UTC', " + std::string(kUtc) + ")";
}

const std::string kWebhookColumns =
    "id::text, owner_id::text, url, array_to_string(event_types, ','), "
    "secret, enabled, disabled_reason, " +
    utc("created_at");
const std::string kInsertWebhook =
    "INSERT INTO webhooks (owner_id, owner_is_admin, url, event_types, secret) "
    "VALUES ($1::uuid, $2, $3, $4::text[], $5) RETURNING " +
    kWebhookColumns;
const std::string kWebhooksOf = "SELECT " + kWebhookColumns +
                                " FROM webhooks WHERE owner_id = $1::uuid AND NOT deleted "
                                "ORDER BY created_at";
const std::string kWebhookOf = "SELECT " + kWebhookColumns +
                               " FROM webhooks WHERE owner_id = $1::uuid AND id = $2::uuid "
                               "AND NOT deleted";
constexpr std::string_view kDeleteWebhook =
    "UPDATE webhooks SET deleted = true, enabled = false "
    "WHERE owner_id = $1::uuid AND id = $2::uuid AND NOT deleted";
const std::string kWebhookDeliveries =
    "SELECT d.id::text, d.event_id::text, d.event_type, d.status, " + utc("d.created_at") +
    ", COALESCE(a.status_code, 0), COALESCE(a.error, ''), COALESCE(a.duration_ms, 0), "
    "COALESCE(" +
    utc("a.attempted_at") +
    ", '') "
    "FROM (SELECT * FROM deliveries WHERE channel = 'webhook' AND target = $1 "
    "ORDER BY created_at DESC LIMIT $2) d "
    "LEFT JOIN delivery_attempts a ON a.delivery_id = d.id "
    "ORDER BY d.created_at DESC, d.id, a.attempt";
const std::string kSavePush =
    "INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth) "
    "VALUES ($1::uuid, $2, $3, $4) ON CONFLICT (endpoint) DO UPDATE SET "
    "user_id = EXCLUDED.user_id, p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth "
    "RETURNING id::text, user_id::text, endpoint, p256dh, auth, " +
    utc("created_at");
constexpr std::string_view kDeletePush =
    "DELETE FROM push_subscriptions WHERE user_id = $1::uuid AND endpoint = $2";
const std::string kNotificationsOf =
    "SELECT id::text, channel, event_type, template, status, order_id, " + utc("created_at") +
    ", COALESCE(" + utc("sent_at") +
    ", ''), attempts FROM deliveries WHERE user_id = $1::uuid "
    "ORDER BY created_at DESC, id LIMIT $2";

Webhook read_webhook(const db::Row& row) {
  return Webhook{std::string(row.text(0)), std::string(row.text(1)),
                 std::string(row.text(2)), common::split(row.text(3), ','),
                 std::string(row.text(4)), row.boolean(5),
                 std::string(row.text(6)), std::string(row.text(7))};
}

}  // namespace

Task<Webhook> SubscriptionStore::create_webhook(const NewWebhook& webhook) {
  auto created = co_await pool_->query(
      kInsertWebhook, db::make_params(webhook.owner_id, webhook.owner_is_admin, webhook.url,
                                      webhook.event_types, webhook.secret));
  if (!created) co_return created.error();
  co_return read_webhook((*created)[0]);
}

Task<std::vector<Webhook>> SubscriptionStore::webhooks_of(const std::string& owner_id) {
  auto found = co_await pool_->query(kWebhooksOf, db::make_params(owner_id));
  if (!found) co_return found.error();
  std::vector<Webhook> webhooks;
  for (const auto& row : *found) webhooks.push_back(read_webhook(row));
  co_return webhooks;
}

Task<Webhook> SubscriptionStore::webhook_of(const std::string& owner_id,
                                            const std::string& webhook_id) {
  if (!common::is_uuid(webhook_id)) co_return Error::not_found("no such webhook");
  auto found = co_await pool_->query(kWebhookOf, db::make_params(owner_id, webhook_id));
  if (!found) co_return found.error();
  if (found->empty()) co_return Error::not_found("no such webhook");
  co_return read_webhook((*found)[0]);
}

Task<void> SubscriptionStore::delete_webhook(const std::string& owner_id,
                                             const std::string& webhook_id) {
  if (!common::is_uuid(webhook_id)) co_return Error::not_found("no such webhook");
  auto deleted = co_await pool_->query(kDeleteWebhook, db::make_params(owner_id, webhook_id));
  if (!deleted) co_return deleted.error();
  if (deleted->affected_rows() == 0) co_return Error::not_found("no such webhook");
  co_return common::Result<void>{};
}

Task<std::vector<WebhookDeliveryRecord>> SubscriptionStore::webhook_deliveries(
    const std::string& webhook_id, std::int64_t limit) {
  auto found = co_await pool_->query(kWebhookDeliveries, db::make_params(webhook_id, limit));
  if (!found) co_return found.error();
  std::vector<WebhookDeliveryRecord> deliveries;
  for (const auto& row : *found) {
    if (deliveries.empty() || deliveries.back().id != row.text(0)) {
      deliveries.push_back({std::string(row.text(0)),
                            std::string(row.text(1)),
                            std::string(row.text(2)),
                            std::string(row.text(3)),
                            std::string(row.text(4)),
                            {}});
    }
    if (!row.text(8).empty()) {
      deliveries.back().attempts.push_back(
          {row.int64(5), std::string(row.text(6)), row.int64(7), std::string(row.text(8))});
    }
  }
  co_return deliveries;
}

Task<PushSubscription> SubscriptionStore::save_push_subscription(
    const PushSubscription& subscription) {
  auto saved =
      co_await pool_->query(kSavePush, db::make_params(subscription.user_id, subscription.endpoint,
                                                       subscription.p256dh, subscription.auth));
  if (!saved) co_return saved.error();
  const auto row = (*saved)[0];
  co_return PushSubscription{std::string(row.text(0)), std::string(row.text(1)),
                             std::string(row.text(2)), std::string(row.text(3)),
                             std::string(row.text(4)), std::string(row.text(5))};
}

Task<void> SubscriptionStore::delete_push_subscription(const std::string& user_id,
                                                       const std::string& endpoint) {
  auto deleted = co_await pool_->query(kDeletePush, db::make_params(user_id, endpoint));
  if (!deleted) co_return deleted.error();
  if (deleted->affected_rows() == 0) co_return Error::not_found("no such push subscription");
  co_return common::Result<void>{};
}

Task<std::vector<NotificationRecord>> SubscriptionStore::notifications_of(
    const std::string& user_id, std::int64_t limit) {
  auto found = co_await pool_->query(kNotificationsOf, db::make_params(user_id, limit));
  if (!found) co_return found.error();
  std::vector<NotificationRecord> records;
  for (const auto& row : *found) {
    records.push_back({std::string(row.text(0)), std::string(row.text(1)), std::string(row.text(2)),
                       std::string(row.text(3)), std::string(row.text(4)), std::string(row.text(5)),
                       std::string(row.text(6)), std::string(row.text(7)), row.int64(8)});
  }
  co_return records;
}

}  // namespace shop::notification::repository
