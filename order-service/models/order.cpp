#include "models/order.hpp"

#include <array>
#include <utility>

namespace shop::order::models {
namespace {

constexpr std::array<std::pair<OrderStatus, std::string_view>, 7> kStatusNames{{
    {OrderStatus::kPending, "PENDING"},
    {OrderStatus::kWaitlisted, "WAITLISTED"},
    {OrderStatus::kConfirmed, "CONFIRMED"},
    {OrderStatus::kShipped, "SHIPPED"},
    {OrderStatus::kDelivered, "DELIVERED"},
    {OrderStatus::kCompleted, "COMPLETED"},
    {OrderStatus::kCancelled, "CANCELLED"},
}};

}  // namespace

std::string_view to_string(OrderStatus status) {
  for (const auto& [value, name] : kStatusNames) {
    if (value == status) return name;
  }
  return "UNKNOWN";
}

std::string_view to_string(PaymentStatus status) {
  switch (status) {
    case PaymentStatus::kPending:
      return "PENDING";
    case PaymentStatus::kSucceeded:
      return "SUCCEEDED";
    case PaymentStatus::kFailed:
      return "FAILED";
    case PaymentStatus::kRefunded:
      return "REFUNDED";
  }
  return "UNKNOWN";
}

std::optional<OrderStatus> parse_order_status(std::string_view text) {
  for (const auto& [value, name] : kStatusNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

std::int64_t total_of(const std::vector<OrderLine>& lines) {
  std::int64_t total = 0;
  for (const auto& line : lines) total += line.quantity * line.unit_price_cents;
  return total;
}

}  // namespace shop::order::models
