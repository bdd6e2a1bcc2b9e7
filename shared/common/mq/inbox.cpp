#include "common/mq/inbox.hpp"

#include "common/mq/mq_metrics.hpp"
#include "common/observability/logger.hpp"

namespace shop::common::mq {
namespace {

using boost::asio::awaitable;

// A second delivery of the same event waits here on the first one's uncommitted row,
// then finds it and inserts nothing.
constexpr std::string_view kClaim =
    "INSERT INTO mq_inbox (consumer, event_id) VALUES ($1, $2::uuid) ON CONFLICT DO NOTHING";

// Parameters by value: the coroutine may outlive the std::function that started it.
awaitable<Outcome> handle(std::shared_ptr<db::Pool> pool, std::string consumer,
                          TransactionalHandler handler, MqMetrics* metrics,
                          const ReceivedEvent& received) {
  Outcome outcome = Outcome::kSuccess;
  bool duplicate = false;
  auto body = [&](db::Connection& tx) -> awaitable<Result<void>> {
    auto claimed = co_await tx.query(kClaim, db::make_params(consumer, received.event.id));
    if (!claimed) co_return claimed.error();
    if (claimed->affected_rows() == 0) {
      duplicate = true;
      co_return Result<void>{};
    }
    outcome = co_await handler(received, tx);
    // An error is how the transaction is told to roll back.
    if (outcome != Outcome::kSuccess) co_return Error::conflict("handler did not succeed");
    co_return Result<void>{};
  };
  auto committed = co_await pool->transaction(std::move(body));
  if (committed) {
    if (duplicate) {
      (metrics != nullptr ? *metrics : MqMetrics::instance()).inbox_duplicate(consumer);
      obs::info("duplicate event skipped",
                obs::with_trace(received.trace, {},
                                {{"consumer", consumer}, {"event_id", received.event.id}}));
    }
    co_return Outcome::kSuccess;
  }
  if (outcome != Outcome::kSuccess) co_return outcome;
  obs::warn("inbox transaction failed; the event will be retried",
            obs::with_trace(received.trace, {},
                            {{"consumer", consumer},
                             {"event_id", received.event.id},
                             {"error", committed.error().detail}}));
  co_return Outcome::kRetryLater;
}

}  // namespace

EventHandler with_inbox(std::shared_ptr<db::Pool> pool, std::string consumer,
                        TransactionalHandler handler, MqMetrics* metrics) {
  return [pool = std::move(pool), consumer = std::move(consumer), handler = std::move(handler),
          metrics](const ReceivedEvent& received) {
    return handle(pool, consumer, handler, metrics, received);
  };
}

}  // namespace shop::common::mq
