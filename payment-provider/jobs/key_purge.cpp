#include "jobs/key_purge.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "common/observability/logger.hpp"

namespace shop::payment::jobs {

namespace asio = boost::asio;

asio::awaitable<void> purge_expired_keys(std::shared_ptr<repository::IdempotencyRepository> keys,
                                         std::chrono::milliseconds interval) {
  constexpr auto kAsTuple = asio::as_tuple(asio::use_awaitable);
  asio::steady_timer timer(co_await asio::this_coro::executor);
  for (;;) {
    auto purged = co_await keys->purge_expired();
    if (!purged) {
      common::obs::warn("idempotency key purge failed", {{"error", purged.error().detail}});
    } else if (*purged > 0) {
      common::obs::info("idempotency keys purged", {{"count", *purged}});
    }
    timer.expires_after(interval);
    auto [ec] = co_await timer.async_wait(kAsTuple);
    if (ec) co_return;
  }
}

}  // namespace shop::payment::jobs
