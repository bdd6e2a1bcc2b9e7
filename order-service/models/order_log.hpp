#pragma once
// Each order is an append-only log: every change is one entry with the next sequence
// number, inserted under a unique (order_id, seq) index, so of two writers racing for
// the same number exactly one wins and the other re-reads and decides again. The
// order clients read is fold() of its entries. Entries record facts (a charge
// happened) even when they no longer move the status (the order was cancelled
// meanwhile): the saga then compensates them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/errors.hpp"
#include "models/order.hpp"

namespace shop::order::models {

enum class EntryType {
  kPlaced,  // placed: the order as the customer placed it
  kStockReserved,
  kWaitlisted,        // reason: what was short
  kPaymentSucceeded,  // charge_id
  kPaymentFailed,     // reason
  kStockCommitted,
  kStockReleased,
  kCancelled,  // reason
  kRefunded,
  kStatusSet,  // status: an admin's SHIPPED, DELIVERED or COMPLETED
  kRequeued,   // a WAITLISTED order tries again: stock came back
};

std::string_view to_string(EntryType type);
std::optional<EntryType> parse_entry_type(std::string_view text);

struct LogEntry {
  std::string order_id;
  std::int64_t seq = 0;
  EntryType type = EntryType::kPlaced;
  std::string at;  // RFC 3339 UTC
  std::optional<Order> placed;
  std::string charge_id;
  std::string reason;
  std::optional<OrderStatus> status;
};

// The next entry of `order`: its id, version + 1 and `type`; the caller fills the rest.
LogEntry next_entry(const Order& order, EntryType type, std::string at);

void apply(Order& order, const LogEntry& entry);

// kNotFound for an empty log; kInternal when it does not start with kPlaced or skips a
// sequence number.
common::Result<Order> fold(const std::vector<LogEntry>& entries);

}  // namespace shop::order::models
