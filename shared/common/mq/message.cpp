#include "common/mq/message.hpp"

#include <limits>

#include "common/mq/topology.hpp"

namespace shop::common::mq {
namespace {

// A copy for the default exchange, addressed to one queue; the broker's confirm covers
// its arrival in that queue because it is mandatory.
OutgoingMessage copy_to_queue(const Delivery& delivery, std::string queue) {
  OutgoingMessage message;
  message.routing_key = std::move(queue);
  message.body = delivery.body;
  message.content_type = delivery.content_type;
  message.message_id = delivery.message_id;
  message.headers = delivery.headers;
  message.persistent = true;
  message.mandatory = true;
  return message;
}

}  // namespace

OutgoingMessage event_message(const CloudEvent& event) {
  OutgoingMessage message;
  message.exchange = kEventsExchange;
  message.routing_key = event.type;
  message.body = serialize(event);
  message.content_type = kCloudEventsContentType;
  message.message_id = event.id;
  if (event.traceparent) message.headers.emplace(kTraceparentHeader, *event.traceparent);
  return message;
}

int attempt_of(const Delivery& delivery) {
  const auto attempt = header_integer(delivery.headers, kAttemptHeader);
  if (!attempt || *attempt < 1 || *attempt > std::numeric_limits<int>::max()) return 1;
  return static_cast<int>(*attempt);
}

OutgoingMessage retry_message(const Delivery& delivery, std::string retry_queue, int next_attempt) {
  OutgoingMessage message = copy_to_queue(delivery, std::move(retry_queue));
  message.headers.insert_or_assign(std::string(kAttemptHeader), std::int64_t{next_attempt});
  return message;
}

OutgoingMessage dead_letter_message(const Delivery& delivery, std::string dead_letter_queue,
                                    std::string_view from_queue, std::string_view reason) {
  OutgoingMessage message = copy_to_queue(delivery, std::move(dead_letter_queue));
  message.headers.insert_or_assign(std::string(kAttemptHeader), std::int64_t{attempt_of(delivery)});
  message.headers.insert_or_assign(std::string(kDeathReasonHeader), std::string(reason));
  message.headers.insert_or_assign(std::string(kDeathQueueHeader), std::string(from_queue));
  return message;
}

std::optional<std::string> header_string(const Headers& headers, std::string_view name) {
  const auto it = headers.find(name);
  if (it == headers.end()) return std::nullopt;
  if (const auto* text = std::get_if<std::string>(&it->second)) return *text;
  return std::nullopt;
}

std::optional<std::int64_t> header_integer(const Headers& headers, std::string_view name) {
  const auto it = headers.find(name);
  if (it == headers.end()) return std::nullopt;
  if (const auto* number = std::get_if<std::int64_t>(&it->second)) return *number;
  return std::nullopt;
}

}  // namespace shop::common::mq
