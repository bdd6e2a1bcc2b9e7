#pragma once
// The broker objects events travel through, as plain data; AmqpConnection declares them.
//
//   exchange "shop.events" (topic, durable): every event, routing key = its type
//   <queue>                 durable, one per consumer, bound with routing-key patterns
//   <queue>.retry.<ms>      durable, one per retry delay: messages wait there for
//                           x-message-ttl ms, then the default exchange dead-letters
//                           them straight back into <queue>, not to other consumers
//   <queue>.dlq             durable: what failed max_attempts times or could not be read

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/mq/retry_policy.hpp"

namespace shop::common::mq {

inline constexpr std::string_view kEventsExchange = "shop.events";

struct QueueSpec {
  std::string name;
  // Set for retry queues: how long a message waits, and the queue it returns to then
  // (through the default exchange).
  std::optional<std::chrono::milliseconds> message_ttl;
  std::optional<std::string> dead_letter_to;

  bool operator==(const QueueSpec&) const = default;
};

struct ConsumerTopology {
  QueueSpec queue;
  std::vector<std::string> bindings;  // routing-key patterns on kEventsExchange
  std::vector<QueueSpec> retry_queues;
  QueueSpec dead_letter_queue;
};

std::string retry_queue_name(std::string_view queue, std::chrono::milliseconds delay);
std::string dead_letter_queue_name(std::string_view queue);

// Queue names: letters, digits, '.', '_', '-' and ':', 1 to 200 bytes (room for the
// suffixes within AMQP's 255).
bool is_valid_queue_name(std::string_view name);
// Routing-key patterns: dot-separated words of [a-z0-9_-], or the wildcards * and #.
bool is_valid_binding(std::string_view pattern);

ConsumerTopology consumer_topology(std::string queue, std::vector<std::string> bindings,
                                   const RetryPolicy& retry);

}  // namespace shop::common::mq
