#include "common/discovery/background_loop.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>

#include <exception>

#include "common/observability/logger.hpp"

namespace shop::common::discovery {

using boost::asio::awaitable;

BackgroundLoop::BackgroundLoop(boost::asio::any_io_executor executor, std::string name)
    : executor_(std::move(executor)),
      name_(std::move(name)),
      stop_requests_(executor_, 1),
      finished_(executor_, 1) {}

void BackgroundLoop::start(awaitable<void> body) {
  if (started_.exchange(true)) return;
  boost::asio::co_spawn(executor_, run(std::move(body)), boost::asio::detached);
}

awaitable<void> BackgroundLoop::run(awaitable<void> body) {
  try {
    co_await std::move(body);
  } catch (const std::exception& e) {
    obs::error("background loop ended by an exception", {{"loop", name_}, {"error", e.what()}});
  }
  // Closed rather than signalled: every stop(), however many and whenever, returns.
  finished_.close();
}

awaitable<void> BackgroundLoop::stop() {
  // The flag first: a body that consumed the signal in a wait still sees it set.
  stopping_ = true;
  stop_requests_.try_send(boost::system::error_code{});
  if (!started_) co_return;
  co_await finished_.async_receive(boost::asio::as_tuple(boost::asio::use_awaitable));
}

awaitable<bool> BackgroundLoop::pause(std::chrono::milliseconds duration) {
  boost::asio::steady_timer timer(executor_, duration);
  auto elapsed = timer.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
  auto waited = co_await unless_stopped(std::move(elapsed));
  co_return waited.has_value();
}

}  // namespace shop::common::discovery
