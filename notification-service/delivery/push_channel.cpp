#include "delivery/push_channel.hpp"

#include "common/observability/logger.hpp"
#include "push/payload_encryption.hpp"

namespace shop::notification::delivery {
namespace asio = boost::asio;

asio::awaitable<AttemptResult> PushChannel::attempt(const repository::ClaimedDelivery& delivery) {
  auto subscription = co_await targets_->push_subscription(delivery.target);
  if (!subscription) co_return retry(subscription.error().detail);
  if (!*subscription) co_return give_up("the push subscription is gone");
  const auto endpoint = (*subscription)->endpoint;
  auto body =
      push::encrypt_payload(delivery.body, {(*subscription)->p256dh, (*subscription)->auth});
  if (!body) co_return give_up(body.error().detail);
  auto authorization = push::vapid_authorization(key_, endpoint, contact_, unix_seconds_now());
  if (!authorization) co_return give_up(authorization.error().detail);
  std::vector<webhook::HttpHeader> headers{{"Content-Type", "application/octet-stream"},
                                           {"Content-Encoding", "aes128gcm"},
                                           {"TTL", std::to_string(kPushTtlSeconds)},
                                           {"Urgency", "normal"},
                                           {"Authorization", std::move(*authorization)}};
  auto result =
      co_await post_to(*blocking_, settings_, endpoint, std::move(headers), std::move(*body));
  if (result.status_code == 404) result.verdict = Verdict::kTargetGone;
  co_return result;
}

asio::awaitable<void> PushChannel::settled(const repository::ClaimedDelivery& delivery,
                                           Verdict verdict) {
  if (verdict != Verdict::kTargetGone) co_return;
  auto forgotten = co_await targets_->forget_push_subscription(delivery.target);
  if (!forgotten) {
    common::obs::warn("forgetting a push subscription failed",
                      {{"subscription_id", delivery.target}, {"error", forgotten.error().detail}});
  }
}

}  // namespace shop::notification::delivery
