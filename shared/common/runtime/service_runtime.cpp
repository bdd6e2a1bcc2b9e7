#include "common/runtime/service_runtime.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <atomic>
#include <csignal>
#include <thread>
#include <vector>

#include "common/observability/logger.hpp"

namespace shop::common::runtime {

ServiceRuntime::ServiceRuntime(std::string service_name, int threads)
    : service_name_(std::move(service_name)),
      threads_(threads > 0 ? threads : static_cast<int>(std::max(2u, std::thread::hardware_concurrency()))),
      io_(threads_) {}

int ServiceRuntime::run(Start start, Stop stop) {
  std::atomic<int> exit_code{0};
  boost::asio::signal_set signals(io_, SIGTERM, SIGINT);
  std::signal(SIGPIPE, SIG_IGN);

  boost::asio::co_spawn(
      io_,
      [&]() -> boost::asio::awaitable<void> {
        auto started = co_await start();
        if (!started) {
          obs::error("start failed", {{"service", service_name_}, {"error", started.error().detail}});
          exit_code = 1;
          signals.cancel();
          io_.stop();
          co_return;
        }
        obs::info("started", {{"service", service_name_}, {"threads", threads_}});
        auto [ec, signal] = co_await signals.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
        if (ec) co_return;
        obs::info("stopping", {{"service", service_name_}, {"signal", signal}});
        co_await stop();
        obs::info("stopped", {{"service", service_name_}});
        io_.stop();
      },
      [&](std::exception_ptr failure) {
        if (!failure) return;
        try {
          std::rethrow_exception(failure);
        } catch (const std::exception& e) {
          obs::error("start failed", {{"service", service_name_}, {"error", e.what()}});
        }
        exit_code = 1;
        io_.stop();
      });

  std::vector<std::jthread> workers;
  for (int i = 1; i < threads_; ++i) workers.emplace_back([this] { io_.run(); });
  io_.run();
  for (auto& worker : workers) worker.join();
  return exit_code;
}

}  // namespace shop::common::runtime
