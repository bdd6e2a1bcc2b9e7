#pragma once
// The order as the domain sees it: plain data folded from the order's log (see
// order_log.hpp), no I/O.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/field_checks.hpp"

namespace shop::order::models {

enum class OrderStatus {
  kPending,
  kWaitlisted,
  kConfirmed,
  kShipped,
  kDelivered,
  kCompleted,
  kCancelled
};
enum class PaymentStatus { kPending, kSucceeded, kFailed, kRefunded };

std::string_view to_string(OrderStatus status);
std::string_view to_string(PaymentStatus status);
std::optional<OrderStatus> parse_order_status(std::string_view text);

struct OrderLine {
  std::string product_id;
  std::string name;
  std::int64_t quantity = 0;
  std::int64_t unit_price_cents = 0;
  bool operator==(const OrderLine&) const = default;
};

using ShippingAddress = common::PostalAddress;

// What the payment provider gave back for the customer's card: never the number.
struct CardToken {
  std::string token;
  std::string brand;
  std::string last4;
  bool operator==(const CardToken&) const = default;
};

struct StatusChange {
  OrderStatus status;
  std::string at;  // RFC 3339 UTC
  std::string reason;
  bool operator==(const StatusChange&) const = default;
};

// Where the order's stock stands at product-service.
enum class StockState { kNone, kReserved, kCommitted, kReleased };

struct Order {
  std::string id;
  std::string user_id;
  OrderStatus status = OrderStatus::kPending;
  std::vector<OrderLine> lines;
  std::int64_t total_cents = 0;
  std::string currency;
  ShippingAddress address;
  CardToken card;
  PaymentStatus payment = PaymentStatus::kPending;
  std::string charge_id;
  std::string failure_reason;
  StockState stock = StockState::kNone;
  std::vector<StatusChange> history;
  std::string created_at;
  std::string updated_at;
  std::int64_t version = 0;  // sequence number of the last log entry folded in
};

std::int64_t total_of(const std::vector<OrderLine>& lines);

}  // namespace shop::order::models
