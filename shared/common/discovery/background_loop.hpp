#pragma once
// One coroutine that runs in the background until asked to stop, with the waits such a
// loop needs: a pause and an operation, both cut short by stop(). Registration and
// ServiceWatcher each run theirs on one.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/experimental/concurrent_channel.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <utility>

namespace shop::common::discovery {

class BackgroundLoop {
 public:
  // `name` labels the log line should the body end in an exception.
  BackgroundLoop(boost::asio::any_io_executor executor, std::string name);

  // Spawns `body` once; later calls do nothing. The body keeps whatever it needs alive
  // and returns soon after stopping() turns true.
  void start(boost::asio::awaitable<void> body);
  // Asks the body to stop and returns once it has (at once when it never started or
  // has already ended); any thread, any number of times.
  boost::asio::awaitable<void> stop();
  bool stopping() const { return stopping_; }

  // Waits `duration` unless stop() comes first; false when stopping.
  boost::asio::awaitable<bool> pause(std::chrono::milliseconds duration);

  // Runs `operation` to its end unless stop() comes first, which cancels it: nullopt then.
  // Taken by reference to the caller's named local: a by-value parameter would be a
  // temporary living across the suspension, which GCC 12 may destroy twice.
  template <class T>
  boost::asio::awaitable<std::optional<T>> unless_stopped(boost::asio::awaitable<T>&& operation);

 private:
  using Signal = boost::asio::experimental::concurrent_channel<void(boost::system::error_code)>;

  boost::asio::awaitable<void> run(boost::asio::awaitable<void> body);

  boost::asio::any_io_executor executor_;
  std::string name_;
  std::atomic<bool> started_{false};
  std::atomic<bool> stopping_{false};
  Signal stop_requests_;
  Signal finished_;
};

template <class T>
boost::asio::awaitable<std::optional<T>> BackgroundLoop::unless_stopped(
    boost::asio::awaitable<T>&& operation) {
  using namespace boost::asio::experimental::awaitable_operators;
  if (stopping_) co_return std::nullopt;
  // Named, not temporaries in the co_await: GCC 12 destroys those twice.
  auto stop_request =
      stop_requests_.async_receive(boost::asio::as_tuple(boost::asio::use_awaitable));
  auto either = std::move(operation) || std::move(stop_request);
  auto first = co_await std::move(either);
  if (first.index() != 0 || stopping_) co_return std::nullopt;
  co_return std::move(std::get<0>(first));
}

}  // namespace shop::common::discovery
