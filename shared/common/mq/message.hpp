#pragma once
// AMQP messages as plain values, and the pure rules that build them: an event as it is
// published, and the copies a consumer sends to a retry queue or the dead-letter queue.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "common/mq/cloud_event.hpp"

namespace shop::common::mq {

// The header types this library writes and reads; others arriving are dropped.
using HeaderValue = std::variant<std::string, std::int64_t>;
using Headers = std::map<std::string, HeaderValue, std::less<>>;

// The attempt a delivery is (1 for the first); set on copies sent to a retry queue.
inline constexpr std::string_view kAttemptHeader = "x-shop-attempt";
// Why a message was dead-lettered, and the queue it was dead-lettered from.
inline constexpr std::string_view kDeathReasonHeader = "x-shop-death-reason";
inline constexpr std::string_view kDeathQueueHeader = "x-shop-death-queue";
// The trace context travels in the envelope and, for tools that read headers, here too.
inline constexpr std::string_view kTraceparentHeader = "traceparent";

struct OutgoingMessage {
  std::string exchange{};  // "" is the default exchange: the routing key names a queue
  std::string routing_key{};
  std::string body{};
  std::string content_type{};
  std::string message_id{};
  Headers headers{};
  bool persistent = true;
  // Unroutable messages come back as failures instead of vanishing.
  bool mandatory = false;
};

struct Delivery {
  std::uint64_t delivery_tag = 0;
  std::string exchange;
  std::string routing_key;
  bool redelivered = false;
  std::string body;
  std::string content_type;
  std::string message_id;
  Headers headers;
};

// To kEventsExchange, routing key = type, persistent, message id = event id.
OutgoingMessage event_message(const CloudEvent& event);

// The delivery's attempt number from its header: 1 when absent or unreadable.
int attempt_of(const Delivery& delivery);

// A copy of `delivery` for the retry queue, to be delivered as attempt `next_attempt`.
OutgoingMessage retry_message(const Delivery& delivery, std::string retry_queue, int next_attempt);

// A copy of `delivery` for the dead-letter queue, recording why and where from.
OutgoingMessage dead_letter_message(const Delivery& delivery, std::string dead_letter_queue,
                                    std::string_view from_queue, std::string_view reason);

std::optional<std::string> header_string(const Headers& headers, std::string_view name);
std::optional<std::int64_t> header_integer(const Headers& headers, std::string_view name);

}  // namespace shop::common::mq
