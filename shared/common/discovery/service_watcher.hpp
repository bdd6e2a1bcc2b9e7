#pragma once
// Keeps the list of healthy instances of one service, as the local Consul agent sees
// it, with blocking queries: the agent answers as soon as the list changes (an
// instance registered, deregistered, or its health check flipped), so the list follows
// within a round trip. The callback gets each new list; snapshot() the latest. While
// the agent is unreachable the last list stands, and the watcher retries with backoff.
//
//   auto watcher = ServiceWatcher::create(executor, settings, "user-service",
//       [pool](const std::vector<Instance>& instances) { pool->update(instances); });
//   (*watcher)->start();
//   ...
//   co_await (*watcher)->stop();

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/discovery/background_loop.hpp"
#include "common/discovery/consul_client.hpp"
#include "common/discovery/consul_settings.hpp"
#include "common/discovery/instance.hpp"
#include "common/errors.hpp"
#include "common/resilience/backoff.hpp"

namespace shop::common::discovery {

struct WatcherTiming {
  // Between failed queries, growing while the agent stays unreachable.
  resilience::BackoffConfig retry{.base = std::chrono::milliseconds(250),
                                  .cap = std::chrono::milliseconds(5'000)};
  // The least time between two queries: a list that flaps, or an agent that answers
  // blocking queries at once, must not turn the watcher into a busy loop.
  std::chrono::milliseconds min_query_interval{100};
};

class ServiceWatcher : public std::enable_shared_from_this<ServiceWatcher> {
 public:
  // Called on the watcher's executor, one call at a time, with the instances sorted by
  // id: after the first answer (even an empty list) and whenever the list changes.
  using Callback = std::function<void(const std::vector<Instance>&)>;

  // An error when discovery is off (CONSUL_HTTP_ADDR empty).
  static Result<std::shared_ptr<ServiceWatcher>> create(boost::asio::any_io_executor executor,
                                                        const ConsulSettings& settings,
                                                        std::string service_name,
                                                        Callback on_change,
                                                        WatcherTiming timing = {});
  ServiceWatcher(const ServiceWatcher&) = delete;
  ServiceWatcher& operator=(const ServiceWatcher&) = delete;

  void start();
  // Cancels the query in flight and returns once the watcher has stopped.
  boost::asio::awaitable<void> stop();

  // The latest list; empty until the first answer. Any thread.
  std::vector<Instance> snapshot() const;
  // Whether an answer has arrived yet (an empty snapshot may mean "none healthy").
  bool synced() const { return synced_; }
  // Failed queries so far: for metrics, and for tests to wait on.
  std::uint64_t failures() const { return failures_; }
  const std::string& service_name() const { return service_name_; }

 private:
  ServiceWatcher(boost::asio::any_io_executor executor, ConsulClient client,
                 std::string service_name, Callback on_change, WatcherTiming timing,
                 std::chrono::seconds wait);

  static boost::asio::awaitable<void> watch(std::shared_ptr<ServiceWatcher> self);
  void publish(const std::vector<Instance>& instances);
  void log_failure(const Error& error, int consecutive) const;

  ConsulClient client_;
  std::string service_name_;
  Callback on_change_;
  resilience::Backoff retry_;
  std::chrono::milliseconds min_query_interval_;
  std::chrono::seconds wait_;
  BackgroundLoop loop_;
  mutable std::mutex mutex_;
  std::vector<Instance> instances_;  // guarded by mutex_
  std::atomic<bool> synced_{false};
  std::atomic<std::uint64_t> failures_{0};
};

}  // namespace shop::common::discovery
