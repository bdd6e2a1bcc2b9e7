#pragma once
// The event types a webhook may subscribe to (API.md "Notifications").

#include <array>
#include <string_view>

namespace shop::notification::models {

inline constexpr std::array<std::string_view, 9> kSubscribableEvents = {
    "user.registered",  "order.created",         "order.status_changed",
    "order.cancelled",  "payment.succeeded",     "payment.failed",
    "payment.refunded", "product.back_in_stock", "stock.low"};

inline bool is_subscribable(std::string_view type) {
  for (const auto known : kSubscribableEvents) {
    if (known == type) return true;
  }
  return false;
}

}  // namespace shop::notification::models
