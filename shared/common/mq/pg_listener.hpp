#pragma once
// LISTEN on one PostgreSQL notification channel, on a thread and a connection of its
// own (the pool's connections are leased per query and cannot wait for notifications).
// Calls `notified` after each batch of notifications and after every (re)connection,
// since notifications sent while disconnected are lost. Reconnects with backoff.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>

namespace shop::common::mq {

class PgListener {
 public:
  // `channel` must be a plain lowercase identifier. `notified` runs on the listener's
  // thread and must not block.
  PgListener(std::string conninfo, std::string channel, std::function<void()> notified);
  ~PgListener();  // stops and joins
  PgListener(const PgListener&) = delete;
  PgListener& operator=(const PgListener&) = delete;

  void start();
  // Asks the thread to finish without waiting for it; the destructor joins.
  void request_stop();
  void stop();

 private:
  void run(const std::stop_token& stop);
  // Waits for `duration` or until stop is requested.
  void pause(const std::stop_token& stop, std::chrono::milliseconds duration);

  std::string conninfo_;
  std::string channel_;
  std::function<void()> notified_;
  std::mutex mutex_;
  std::condition_variable_any wakeup_;
  std::jthread thread_;
};

}  // namespace shop::common::mq
