#pragma once
// Consumes events from one durable queue bound to "shop.events", one at a time and in
// queue order, with manual acknowledgements:
//   success     ack
//   retry-later a copy goes to <queue>.retry.<delay> (see topology.hpp) carrying the next
//               attempt number, and comes back after the delay; after max_attempts it
//               goes to <queue>.dlq instead
//   reject      to <queue>.dlq at once; so does a message that is not a valid CloudEvent
// Copies are published with confirms before the original is acknowledged, so a crash in
// between delivers twice rather than never (the inbox drops the second).
//
// The AMQP connection lives on a thread of its own; the handler runs on the executor
// given to create(). A lost connection is reopened with exponential backoff and the
// topology declared again; unacknowledged deliveries come back from the broker.

#include <atomic>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/experimental/concurrent_channel.hpp>
#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "common/mq/amqp_connection.hpp"
#include "common/mq/cloud_event.hpp"
#include "common/mq/message.hpp"
#include "common/mq/publisher.hpp"
#include "common/mq/retry_policy.hpp"
#include "common/mq/topology.hpp"
#include "common/observability/trace_context.hpp"
#include "common/resilience/backoff.hpp"

namespace shop::common::mq {

class MqMetrics;

struct ReceivedEvent {
  CloudEvent event;
  int attempt = 1;           // 1 for the first delivery, 2 for the first retry...
  bool redelivered = false;  // the broker delivered it before without an acknowledgement
  // The consumer's span, a child of the event's traceparent: what the handler's logs and
  // outgoing calls carry.
  obs::TraceContext trace;
};

using EventHandler = std::function<boost::asio::awaitable<Outcome>(const ReceivedEvent&)>;

struct ConsumerConfig {
  AmqpSettings amqp{};
  std::string queue{};                  // e.g. "notification-service.orders"
  std::vector<std::string> bindings{};  // routing-key patterns, e.g. "order.*"
  std::uint16_t prefetch = 16;          // unacknowledged deliveries the broker may send ahead
  RetryPolicy retry{};
  // How long one wait for a delivery lasts; bounds how late stop() is noticed.
  std::chrono::milliseconds poll_interval{200};
  resilience::BackoffConfig reconnect{.base = std::chrono::milliseconds(100),
                                      .cap = std::chrono::milliseconds(5000)};
  // For the copies sent to retry queues and the dead-letter queue.
  std::chrono::milliseconds publish_timeout{5000};
  MqMetrics* metrics = nullptr;  // nullptr: MqMetrics::instance()
};

class Consumer : public std::enable_shared_from_this<Consumer> {
 public:
  // Checks the queue name and binding patterns; no I/O (start() connects).
  static Result<std::shared_ptr<Consumer>> create(boost::asio::any_io_executor executor,
                                                  ConsumerConfig config, EventHandler handler);
  ~Consumer();
  Consumer(const Consumer&) = delete;
  Consumer& operator=(const Consumer&) = delete;

  // Connects, declares the topology and consumes until stop(), reconnecting as needed.
  void start();
  // Finishes the event in hand, then closes the connection. Returns when it has stopped.
  boost::asio::awaitable<void> stop();

  // Whether the consumer is attached to its queue right now: for /ready.
  bool connected() const { return connected_.load(); }
  const ConsumerTopology& topology() const { return topology_; }

 private:
  Consumer(boost::asio::any_io_executor executor, ConsumerConfig config, EventHandler handler);

  // A named coroutine owns the consumer while it runs: a lambda's captures would not
  // survive co_spawn.
  static boost::asio::awaitable<void> run_owned(std::shared_ptr<Consumer> self);
  boost::asio::awaitable<void> run();
  boost::asio::awaitable<void> process(Delivery delivery);
  boost::asio::awaitable<Outcome> call_handler(const ReceivedEvent& received);
  boost::asio::awaitable<void> settle(const Delivery& delivery, const Disposition& disposition);
  boost::asio::awaitable<Result<void>> acknowledge(std::uint64_t delivery_tag);
  boost::asio::awaitable<void> requeue(std::uint64_t delivery_tag);
  // Waits `duration`, or less when stop() is called.
  boost::asio::awaitable<void> pause(std::chrono::milliseconds duration);

  // On the AMQP thread.
  Result<void> open();
  void close();

  boost::asio::any_io_executor executor_;
  ConsumerConfig config_;
  EventHandler handler_;
  ConsumerTopology topology_;
  MqMetrics& metrics_;
  resilience::Backoff backoff_;
  std::shared_ptr<Publisher> republisher_;
  std::atomic<bool> started_{false};
  std::atomic<bool> stopping_{false};
  std::atomic<bool> connected_{false};
  boost::asio::experimental::concurrent_channel<void(boost::system::error_code)> stopped_;
  std::unique_ptr<AmqpConnection> connection_;  // touched on thread_ only
  boost::asio::thread_pool thread_{1};
};

}  // namespace shop::common::mq
