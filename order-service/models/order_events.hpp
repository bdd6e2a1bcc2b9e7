#pragma once
// The events an order log entry stands for, as published on "shop.events": what
// happened (order.created, payment.succeeded, payment.failed, payment.refunded) and,
// when the entry moved the status, order.status_changed and, into CANCELLED,
// order.cancelled. Payloads follow shared/proto/events.proto.
//
// Everything is derived from the log, so publishing an entry twice (a relay that died
// after the broker confirmed) sends the same events again: the id is a name-based UUID
// of (order, sequence), and consumers drop what their inbox has seen. The sequence is
// entry.seq * 10 + the event's place within the entry, so it grows along the log.

#include <boost/json/object.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "models/order_log.hpp"

namespace shop::order::models {

struct OrderEvent {
  std::string id;  // a UUID
  std::string type;
  std::int64_t sequence = 0;
  boost::json::object data;
};

// `before` is the order up to the entry (empty for the first), `after` with it.
std::vector<OrderEvent> events_for(const Order& before, const LogEntry& entry, const Order& after);

// A UUID (RFC 9562 version 8) derived from the order id and the event's sequence.
std::string event_id(const std::string& order_id, std::int64_t sequence);

}  // namespace shop::order::models
