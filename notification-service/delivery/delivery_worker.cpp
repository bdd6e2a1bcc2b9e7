#include "delivery/delivery_worker.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "common/observability/logger.hpp"
#include "delivery/delivery_metrics.hpp"

namespace shop::notification::delivery {
namespace {

namespace asio = boost::asio;
using repository::ClaimedDelivery;

// Failures of the bookkeeping itself are logged: the lease brings the delivery back.
void log_failure(const common::Result<void>& done, const ClaimedDelivery& delivery) {
  if (done) return;
  common::obs::warn("recording a delivery failed; it is tried again after its lease",
                    {{"delivery_id", delivery.id}, {"error", done.error().detail}});
}

asio::awaitable<void> deliver(repository::DeliveryQueue& queue, Channel& channel,
                              const common::resilience::Backoff& backoff,
                              const ClaimedDelivery& delivery) {
  const auto result = co_await channel.attempt(delivery);
  record_attempt_metrics(delivery.channel, result.verdict, result.duration);
  const repository::AttemptOutcome record{result.status_code, result.error, result.duration};
  log_failure(co_await queue.record_attempt(delivery, record), delivery);
  if (result.verdict == Verdict::kDelivered) {
    log_failure(co_await queue.mark_sent(delivery.id), delivery);
    co_await channel.settled(delivery, Verdict::kDelivered);
    co_return;
  }
  if (result.verdict == Verdict::kRetry) {
    if (const auto delay = backoff.next_delay(delivery.attempt)) {
      log_failure(co_await queue.retry_in(delivery.id, *delay, result.error), delivery);
      co_return;
    }
  }
  common::obs::warn("delivery given up", {{"delivery_id", delivery.id},
                                          {"channel", delivery.channel},
                                          {"attempts", delivery.attempt},
                                          {"error", result.error}});
  log_failure(co_await queue.mark_failed(delivery.id, result.error), delivery);
  const auto final =
      result.verdict == Verdict::kTargetGone ? Verdict::kTargetGone : Verdict::kGiveUp;
  co_await channel.settled(delivery, final);
}

}  // namespace

asio::awaitable<void> run_delivery_worker(std::shared_ptr<repository::DeliveryQueue> queue,
                                          std::shared_ptr<Channel> channel,
                                          WorkerSettings settings) {
  const common::resilience::Backoff backoff(settings.retry);
  asio::steady_timer timer(co_await asio::this_coro::executor);
  const std::string name(channel->name());
  for (;;) {
    auto claimed = co_await queue->claim_due(name, settings.batch_size, settings.lease);
    if (!claimed) {
      common::obs::warn("claiming deliveries failed",
                        {{"channel", name}, {"error", claimed.error().detail}});
    }
    const bool full = claimed && static_cast<std::int64_t>(claimed->size()) == settings.batch_size;
    if (claimed) {
      for (const auto& delivery : *claimed) co_await deliver(*queue, *channel, backoff, delivery);
    }
    if (full) continue;
    timer.expires_after(settings.poll_interval);
    co_await timer.async_wait(asio::use_awaitable);
  }
}

}  // namespace shop::notification::delivery
