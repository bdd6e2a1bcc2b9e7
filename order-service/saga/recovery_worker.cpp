#include "saga/recovery_worker.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "common/mq/rfc3339.hpp"
#include "common/observability/logger.hpp"

namespace shop::order::saga {
namespace {

constexpr std::int64_t kBatch = 50;

}  // namespace

boost::asio::awaitable<void> resume_stalled_sagas(std::shared_ptr<SagaRunner> runner,
                                                  std::shared_ptr<repository::OrderStore> orders,
                                                  std::chrono::milliseconds interval) {
  auto executor = co_await boost::asio::this_coro::executor;
  boost::asio::steady_timer timer(executor);
  const common::grpc_glue::CallContext call;
  while (true) {
    timer.expires_after(interval);
    auto [ec] = co_await timer.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
    if (ec) co_return;
    const auto before = common::mq::format_rfc3339(std::chrono::system_clock::now() - interval);
    auto stalled = co_await orders->needing_work(before, kBatch);
    if (!stalled) {
      common::obs::warn("cannot look for stalled orders", {{"error", stalled.error().detail}});
      continue;
    }
    for (const auto& order_id : *stalled) {
      auto advanced = co_await runner->advance(order_id, call);
      if (!advanced) {
        common::obs::warn("resuming an order failed",
                          {{"order_id", order_id}, {"error", advanced.error().detail}});
      }
    }
  }
}

}  // namespace shop::order::saga
