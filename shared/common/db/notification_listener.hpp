#pragma once
// LISTEN on one PostgreSQL notification channel, on a thread and a connection of its
// own (the pool's connections are leased per query and cannot wait for notifications).
// Reconnects with backoff. Notifications sent while it is disconnected are lost, so
// `connected` runs after every (re)connection for the caller to catch up, and
// `disconnected` when the connection is lost or cannot be opened.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <stop_token>
#include <string>
#include <string_view>
#include <thread>

namespace shop::common::db {

struct ListenerCallbacks {
  std::function<void()> connected = [] {};
  // Once per notification, in the order they were committed, with its payload.
  std::function<void(std::string_view payload)> notified = [](std::string_view) {};
  std::function<void()> disconnected = [] {};
};

class NotificationListener {
 public:
  // `channel` must be a plain lowercase identifier; `application_name` names the
  // connection in pg_stat_activity. The callbacks run on the listener's thread and must
  // not block.
  NotificationListener(std::string conninfo, std::string channel, std::string application_name,
                       ListenerCallbacks callbacks);
  ~NotificationListener();  // stops and joins
  NotificationListener(const NotificationListener&) = delete;
  NotificationListener& operator=(const NotificationListener&) = delete;

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
  std::string application_name_;
  ListenerCallbacks callbacks_;
  std::mutex mutex_;
  std::condition_variable_any wakeup_;
  std::jthread thread_;
};

}  // namespace shop::common::db
