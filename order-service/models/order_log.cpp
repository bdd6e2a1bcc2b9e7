#include "models/order_log.hpp"

#include <array>
#include <utility>

namespace shop::order::models {
namespace {

constexpr std::array<std::pair<EntryType, std::string_view>, 11> kEntryNames{{
    {EntryType::kPlaced, "placed"},
    {EntryType::kStockReserved, "stock_reserved"},
    {EntryType::kWaitlisted, "waitlisted"},
    {EntryType::kPaymentSucceeded, "payment_succeeded"},
    {EntryType::kPaymentFailed, "payment_failed"},
    {EntryType::kStockCommitted, "stock_committed"},
    {EntryType::kStockReleased, "stock_released"},
    {EntryType::kCancelled, "cancelled"},
    {EntryType::kRefunded, "refunded"},
    {EntryType::kStatusSet, "status_set"},
    {EntryType::kRequeued, "requeued"},
}};

void move_to(Order& order, OrderStatus status, const LogEntry& entry, std::string reason = {}) {
  order.status = status;
  order.history.push_back({status, entry.at, std::move(reason)});
}

}  // namespace

std::string_view to_string(EntryType type) {
  for (const auto& [value, name] : kEntryNames) {
    if (value == type) return name;
  }
  return "unknown";
}

std::optional<EntryType> parse_entry_type(std::string_view text) {
  for (const auto& [value, name] : kEntryNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

LogEntry next_entry(const Order& order, EntryType type, std::string at) {
  LogEntry entry;
  entry.order_id = order.id;
  entry.seq = order.version + 1;
  entry.type = type;
  entry.at = std::move(at);
  return entry;
}

void apply(Order& order, const LogEntry& entry) {
  switch (entry.type) {
    case EntryType::kPlaced:
      if (entry.placed) order = *entry.placed;
      order.history.clear();
      order.created_at = entry.at;
      move_to(order, OrderStatus::kPending, entry);
      break;
    case EntryType::kStockReserved:
      order.stock = StockState::kReserved;
      break;
    case EntryType::kWaitlisted:
      if (order.status == OrderStatus::kPending) {
        move_to(order, OrderStatus::kWaitlisted, entry, entry.reason);
      }
      break;
    case EntryType::kPaymentSucceeded:
      order.payment = PaymentStatus::kSucceeded;
      order.charge_id = entry.charge_id;
      if (order.status == OrderStatus::kPending) move_to(order, OrderStatus::kConfirmed, entry);
      break;
    case EntryType::kPaymentFailed:
      order.payment = PaymentStatus::kFailed;
      order.failure_reason = entry.reason;
      if (order.status == OrderStatus::kPending) {
        move_to(order, OrderStatus::kCancelled, entry, entry.reason);
      }
      break;
    case EntryType::kStockCommitted:
      order.stock = StockState::kCommitted;
      break;
    case EntryType::kStockReleased:
      order.stock = StockState::kReleased;
      break;
    case EntryType::kCancelled:
      if (order.status != OrderStatus::kCancelled) {
        if (order.failure_reason.empty()) order.failure_reason = entry.reason;
        move_to(order, OrderStatus::kCancelled, entry, entry.reason);
      }
      break;
    case EntryType::kRefunded:
      order.payment = PaymentStatus::kRefunded;
      break;
    case EntryType::kStatusSet:
      if (entry.status) move_to(order, *entry.status, entry);
      break;
    case EntryType::kRequeued:
      if (order.status == OrderStatus::kWaitlisted) {
        move_to(order, OrderStatus::kPending, entry, entry.reason);
      }
      break;
  }
  order.version = entry.seq;
  order.updated_at = entry.at;
}

common::Result<Order> fold(const std::vector<LogEntry>& entries) {
  if (entries.empty()) return common::Error::not_found("no such order");
  if (entries.front().type != EntryType::kPlaced || entries.front().seq != 1) {
    return common::Error::internal("order log of " + entries.front().order_id +
                                   " does not start with its placement");
  }
  Order order;
  for (const auto& entry : entries) {
    if (entry.seq != order.version + 1) {
      return common::Error::internal("order log of " + entry.order_id + " skips from " +
                                     std::to_string(order.version) + " to " +
                                     std::to_string(entry.seq));
    }
    apply(order, entry);
  }
  return order;
}

}  // namespace shop::order::models
