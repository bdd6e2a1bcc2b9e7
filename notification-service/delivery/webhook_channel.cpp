#include "delivery/webhook_channel.hpp"

#include "common/observability/logger.hpp"
#include "webhook/receiver_answer.hpp"
#include "webhook/signature.hpp"

namespace shop::notification::delivery {
namespace asio = boost::asio;

asio::awaitable<AttemptResult> WebhookChannel::attempt(
    const repository::ClaimedDelivery& delivery) {
  auto endpoint = co_await targets_->webhook(delivery.target);
  if (!endpoint) co_return retry(endpoint.error().detail);
  if (!*endpoint || !(*endpoint)->active) co_return give_up("the webhook is disabled or deleted");
  auto secret = webhook::SigningSecret::parse((*endpoint)->secret);
  if (!secret) co_return give_up("the webhook's secret is unusable");
  auto headers = webhook::signed_headers(*secret, delivery.id, unix_seconds_now(), delivery.body);
  headers.push_back({"Content-Type", "application/json"});
  co_return co_await post_to(*blocking_, settings_, (*endpoint)->url, std::move(headers),
                             delivery.body);
}

asio::awaitable<void> WebhookChannel::settled(const repository::ClaimedDelivery& delivery,
                                              Verdict verdict) {
  common::Result<void> recorded;
  if (verdict == Verdict::kDelivered) {
    recorded = co_await targets_->webhook_delivered(delivery.target);
  } else {
    recorded = co_await targets_->webhook_failed(
        delivery.target, webhook::kDisableAfterFailedDeliveries, verdict == Verdict::kTargetGone);
  }
  if (!recorded) {
    common::obs::warn("recording a webhook's health failed",
                      {{"webhook_id", delivery.target}, {"error", recorded.error().detail}});
  }
}

}  // namespace shop::notification::delivery
