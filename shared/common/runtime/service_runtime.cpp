#include "common/runtime/service_runtime.hpp"

#include <absl/synchronization/mutex.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <csignal>
#include <thread>
#include <vector>

#include "common/observability/logger.hpp"

namespace shop::common::runtime {

namespace asio = boost::asio;

ServiceRuntime::ServiceRuntime(int threads)
    : threads_(threads > 0 ? threads
                           : static_cast<int>(std::max(2u, std::thread::hardware_concurrency()))),
      io_(threads_),
      signals_(io_, SIGTERM, SIGINT) {
  // Debian builds Abseil with mutex deadlock detection on; gRPC then pays a lock-graph
  // update for every mutex it creates and destroys per call (2% of user-service's CPU).
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
}

asio::awaitable<void> ServiceRuntime::lifecycle(Start start, Stop stop) {
  auto started = co_await start();
  if (!started) {
    obs::error("start failed", {{"error", started.error().detail}});
    exit_code_ = 1;
    io_.stop();
    co_return;
  }
  obs::info("started", {{"threads", threads_}});
  auto [ec, signal] = co_await signals_.async_wait(asio::as_tuple(asio::use_awaitable));
  if (ec) co_return;
  obs::info("stopping", {{"signal", signal}});
  co_await stop();
  obs::info("stopped");
  io_.stop();
}

int ServiceRuntime::run(Start start, Stop stop) {
  std::signal(SIGPIPE, SIG_IGN);
  asio::co_spawn(io_, lifecycle(std::move(start), std::move(stop)),
                 [this](const std::exception_ptr& failure) {
                   if (!failure) return;
                   try {
                     std::rethrow_exception(failure);
                   } catch (const std::exception& e) {
                     obs::error("start failed", {{"error", e.what()}});
                   }
                   exit_code_ = 1;
                   io_.stop();
                 });
  std::vector<std::jthread> workers;
  for (int i = 1; i < threads_; ++i) workers.emplace_back([this] { io_.run(); });
  io_.run();
  for (auto& worker : workers) worker.join();
  return exit_code_;
}

}  // namespace shop::common::runtime
