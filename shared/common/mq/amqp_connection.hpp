#pragma once
// One AMQP 0-9-1 connection with one channel, through rabbitmq-c. Blocking and not
// thread-safe: its owner calls it from one dedicated thread only. Every call is bounded
// (connect, handshake and RPC timeouts; explicit waits for deliveries and confirms).
// After any failure the connection is broken for good: the owner drops it and opens
// another.

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "common/errors.hpp"
#include "common/mq/amqp_url.hpp"
#include "common/mq/message.hpp"
#include "common/mq/topology.hpp"

namespace shop::common::mq {

struct AmqpSettings {
  AmqpAddress address{};
  // Shown by the broker for this connection (rabbitmqctl list_connections client_properties).
  std::string connection_name{};
  std::chrono::milliseconds connect_timeout{5000};  // TCP connect and the AMQP handshake
  std::chrono::milliseconds rpc_timeout{5000};      // each declare, bind, qos...
  // 0 turns heartbeats off: right for a publisher, whose confirm deadline notices a dead
  // broker; a consumer that waits for deliveries wants them on.
  std::chrono::seconds heartbeat{0};
};

// How the broker settled one published message.
enum class Confirm { kAck, kNack, kReturned };

class AmqpConnection {
 public:
  static Result<std::unique_ptr<AmqpConnection>> open(const AmqpSettings& settings);
  ~AmqpConnection();
  AmqpConnection(const AmqpConnection&) = delete;
  AmqpConnection& operator=(const AmqpConnection&) = delete;

  bool broken() const { return broken_; }

  Result<void> declare_exchange(std::string_view name, std::string_view type);
  Result<void> declare_queue(const QueueSpec& spec);
  Result<void> bind_queue(std::string_view queue, std::string_view exchange,
                          std::string_view routing_key);
  // Publisher confirms (confirm.select) for the rest of the connection's life.
  Result<void> enable_confirms();
  Result<void> set_prefetch(std::uint16_t count);
  Result<void> start_consuming(std::string_view queue);
  // Ready messages in an existing queue (a passive declare; a missing queue is an error
  // and breaks the connection, as the protocol closes the channel).
  Result<std::uint32_t> message_count(std::string_view queue);
  Result<void> delete_queue(std::string_view queue);

  // Sends without waiting. With confirms on, returns the delivery tag the broker's
  // confirm will name; 0 otherwise.
  Result<std::uint64_t> publish(const OutgoingMessage& message);
  // Waits until the broker has settled every message published so far, or `deadline`
  // (then kDeadlineExceeded, and the connection is broken). Returns and forgets the
  // settlements since the previous call.
  Result<std::map<std::uint64_t, Confirm>> wait_for_confirms(
      std::chrono::steady_clock::time_point deadline);

  // The next delivery, or nullopt when none arrives within `timeout`.
  Result<std::optional<Delivery>> receive(std::chrono::milliseconds timeout);
  Result<void> ack(std::uint64_t delivery_tag);
  Result<void> reject(std::uint64_t delivery_tag, bool requeue);

 private:
  struct State;

  AmqpConnection();
  Result<void> login(const AmqpSettings& settings);
  Result<void> check_rpc(std::string_view what);
  Result<void> check_status(int status, std::string_view what);
  Result<void> handle_frame(const void* frame);
  void settle(std::uint64_t tag, bool multiple, Confirm confirm);
  Error fail(Error error);

  std::unique_ptr<State> state_;
  bool broken_ = false;
  bool confirms_ = false;
  std::uint64_t next_tag_ = 1;
  std::set<std::uint64_t> unsettled_;
  // Unsettled mandatory messages: tag -> exchange '\0' routing key, to match returns.
  std::map<std::uint64_t, std::string> mandatory_;
  std::set<std::uint64_t> returned_;
  std::map<std::uint64_t, Confirm> settled_;
};

}  // namespace shop::common::mq
