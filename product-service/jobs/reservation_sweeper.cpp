#include "jobs/reservation_sweeper.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "common/observability/logger.hpp"

namespace shop::product::jobs {
namespace {

// Bounds one sweep, so a backlog is worked off across sweeps without starving others.
constexpr int kMaxPerSweep = 500;

boost::asio::awaitable<void> sweep_once(repository::InventoryRepository& inventory) {
  for (int i = 0; i < kMaxPerSweep; ++i) {
    auto expired = co_await inventory.expire_one();
    if (!expired) {
      common::obs::warn("reservation sweep failed", {{"error", expired.error().detail}});
      co_return;
    }
    if (!*expired) co_return;
    common::obs::info("reservation expired", {{"order_id", **expired}});
  }
}

}  // namespace

boost::asio::awaitable<void> sweep_expired_reservations(
    std::shared_ptr<repository::InventoryRepository> inventory,
    std::chrono::milliseconds interval) {
  boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor);
  for (;;) {
    co_await sweep_once(*inventory);
    timer.expires_after(interval);
    auto [ec] = co_await timer.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
    if (ec) co_return;
  }
}

}  // namespace shop::product::jobs
