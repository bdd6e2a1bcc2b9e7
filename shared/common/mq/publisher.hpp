#pragma once
// Publishes with broker confirms: a publish completes only when the broker has taken
// responsibility for the message (basic.ack on a confirm.select channel); a nack, an
// unroutable mandatory message, a lost connection or the publish timeout is an error.
// Messages are persistent and go to the durable topic exchange "shop.events", which the
// publisher declares.
//
// The AMQP connection lives on a thread of its own (rabbitmq-c blocks); callers on any
// executor co_await the outcome and never block. A lost connection is reopened on the
// next publish, and within one publish the attempts are spaced by exponential backoff
// with full jitter until the publish timeout.

#include <atomic>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <memory>
#include <vector>

#include "common/errors.hpp"
#include "common/mq/amqp_connection.hpp"
#include "common/mq/cloud_event.hpp"
#include "common/mq/message.hpp"
#include "common/resilience/backoff.hpp"

namespace shop::common::mq {

class MqMetrics;

struct PublisherConfig {
  AmqpSettings amqp{};
  // The whole publish, reconnections and confirm wait included.
  std::chrono::milliseconds publish_timeout{5000};
  // Spacing of attempts within one publish (max_attempts is not used: the timeout is).
  resilience::BackoffConfig retry{.base = std::chrono::milliseconds(50),
                                  .cap = std::chrono::milliseconds(1000)};
  MqMetrics* metrics = nullptr;  // nullptr: MqMetrics::instance()
};

class Publisher : public std::enable_shared_from_this<Publisher> {
 public:
  // No I/O here: the first publish connects.
  static std::shared_ptr<Publisher> create(boost::asio::any_io_executor executor,
                                           PublisherConfig config);
  ~Publisher();
  Publisher(const Publisher&) = delete;
  Publisher& operator=(const Publisher&) = delete;

  // The event to "shop.events" with its type as routing key (event_message()).
  boost::asio::awaitable<Result<void>> publish(const CloudEvent& event);
  boost::asio::awaitable<Result<void>> publish(OutgoingMessage message);
  // Each message's outcome, in order. The messages go out back to back and are confirmed
  // together, which is much faster than one by one.
  boost::asio::awaitable<std::vector<Result<void>>> publish_batch(
      std::vector<OutgoingMessage> messages);

  // Whether the last attempt left an open connection: for /ready.
  bool connected() const { return connected_.load(); }

 private:
  struct Attempt;

  Publisher(boost::asio::any_io_executor executor, PublisherConfig config);
  // On the AMQP thread: (re)connect if needed, publish messages[indices], wait for the
  // confirms until `deadline`.
  std::vector<Attempt> attempt(const std::vector<OutgoingMessage>& messages,
                               const std::vector<std::size_t>& indices,
                               std::chrono::steady_clock::time_point deadline);
  Result<void> ensure_connected(std::chrono::steady_clock::time_point deadline);

  boost::asio::any_io_executor executor_;
  PublisherConfig config_;
  MqMetrics& metrics_;
  resilience::Backoff backoff_;
  std::atomic<bool> connected_{false};
  std::unique_ptr<AmqpConnection> connection_;  // touched on thread_ only
  boost::asio::thread_pool thread_{1};
};

}  // namespace shop::common::mq
