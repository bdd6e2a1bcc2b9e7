#pragma once
// The life of a service process: an io_context run by a few threads, a start routine,
// and a graceful stop on SIGTERM or SIGINT. Every service's main() is this plus wiring.

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <functional>

#include "common/errors.hpp"

namespace shop::common::runtime {

class ServiceRuntime {
 public:
  using Start = std::function<boost::asio::awaitable<Result<void>>()>;
  using Stop = std::function<boost::asio::awaitable<void>()>;

  // threads: how many run the event loop; 0 means one per core, at least two.
  explicit ServiceRuntime(int threads = 0);

  boost::asio::io_context& io() { return io_; }

  // Runs `start`; if it fails the process exits 1. Otherwise serves until a signal,
  // then runs `stop` and returns 0.
  int run(Start start, Stop stop);

 private:
  boost::asio::awaitable<void> lifecycle(Start start, Stop stop);

  int threads_;
  boost::asio::io_context io_;
  boost::asio::signal_set signals_;
  int exit_code_ = 0;
};

}  // namespace shop::common::runtime
