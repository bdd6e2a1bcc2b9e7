#include "repository/channel_targets.hpp"

namespace shop::notification::repository {
namespace {

namespace db = common::db;

constexpr std::string_view kWebhook =
    "SELECT url, secret, enabled AND NOT deleted FROM webhooks WHERE id = $1::uuid";
constexpr std::string_view kWebhookDelivered =
    "UPDATE webhooks SET consecutive_failures = 0 WHERE id = $1::uuid";
constexpr std::string_view kWebhookFailed =
    "UPDATE webhooks SET consecutive_failures = consecutive_failures + 1, "
    "enabled = enabled AND NOT ($3 OR consecutive_failures + 1 >= $2), "
    "disabled_reason = CASE WHEN NOT enabled THEN disabled_reason "
    "WHEN $3 THEN 'the receiver answered 410 Gone' "
    "WHEN consecutive_failures + 1 >= $2 THEN 'deliveries failed ' || $2 || ' times in a row' "
    "ELSE disabled_reason END "
    "WHERE id = $1::uuid";
constexpr std::string_view kPushSubscription =
    "SELECT endpoint, p256dh, auth FROM push_subscriptions WHERE id = $1::uuid";
constexpr std::string_view kForgetPush = "DELETE FROM push_subscriptions WHERE id = $1::uuid";

}  // namespace

Task<std::optional<WebhookEndpoint>> ChannelTargets::webhook(const std::string& webhook_id) {
  auto found = co_await pool_->query(kWebhook, db::make_params(webhook_id));
  if (!found) co_return found.error();
  if (found->empty()) co_return std::optional<WebhookEndpoint>{};
  const auto row = (*found)[0];
  co_return WebhookEndpoint{std::string(row.text(0)), std::string(row.text(1)), row.boolean(2)};
}

Task<void> ChannelTargets::webhook_delivered(const std::string& webhook_id) {
  co_return co_await pool_->execute(kWebhookDelivered, db::make_params(webhook_id));
}

Task<void> ChannelTargets::webhook_failed(const std::string& webhook_id, int disable_after,
                                          bool gone) {
  co_return co_await pool_->execute(kWebhookFailed,
                                    db::make_params(webhook_id, disable_after, gone));
}

Task<std::optional<PushEndpoint>> ChannelTargets::push_subscription(
    const std::string& subscription_id) {
  auto found = co_await pool_->query(kPushSubscription, db::make_params(subscription_id));
  if (!found) co_return found.error();
  if (found->empty()) co_return std::optional<PushEndpoint>{};
  const auto row = (*found)[0];
  co_return PushEndpoint{std::string(row.text(0)), std::string(row.text(1)),
                         std::string(row.text(2))};
}

Task<void> ChannelTargets::forget_push_subscription(const std::string& subscription_id) {
  co_return co_await pool_->execute(kForgetPush, db::make_params(subscription_id));
}

}  // namespace shop::notification::repository
