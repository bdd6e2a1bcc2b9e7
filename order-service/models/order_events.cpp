#include "models/order_events.hpp"

#include "common/auth/sha256.hpp"

namespace shop::order::models {
namespace {

namespace json = boost::json;

constexpr std::int64_t kEventsPerEntry = 10;

json::object money(const Order& order) {
  return {{"order_id", order.id},
          {"user_id", order.user_id},
          {"amount_cents", order.total_cents},
          {"currency", order.currency}};
}

json::object created(const Order& order) {
  json::array items;
  for (const auto& line : order.lines) {
    items.push_back(json::object{{"product_id", line.product_id},
                                 {"name", line.name},
                                 {"quantity", line.quantity},
                                 {"unit_price_cents", line.unit_price_cents}});
  }
  return {{"order_id", order.id},
          {"user_id", order.user_id},
          {"items", std::move(items)},
          {"total_cents", order.total_cents},
          {"currency", order.currency}};
}

}  // namespace

std::string event_id(const std::string& order_id, std::int64_t sequence) {
  auto hex = common::auth::sha256_hex(order_id + "/" + std::to_string(sequence)).substr(0, 32);
  hex[12] = '8';                  // version 8: custom
  hex[16] = "89ab"[hex[16] % 4];  // the RFC 9562 variant
  return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' +
         hex.substr(16, 4) + '-' + hex.substr(20);
}

std::vector<OrderEvent> events_for(const Order& before, const LogEntry& entry, const Order& after) {
  std::vector<OrderEvent> events;
  const auto add = [&](std::string type, json::object data) {
    const auto sequence = entry.seq * kEventsPerEntry + static_cast<std::int64_t>(events.size());
    events.push_back({event_id(after.id, sequence), std::move(type), sequence, std::move(data)});
  };
  switch (entry.type) {
    case EntryType::kPlaced:
      add("order.created", created(after));
      break;
    case EntryType::kPaymentSucceeded: {
      auto data = money(after);
      data["charge_id"] = after.charge_id;
      add("payment.succeeded", std::move(data));
      break;
    }
    case EntryType::kPaymentFailed: {
      auto data = money(after);
      data["reason"] = entry.reason;
      add("payment.failed", std::move(data));
      break;
    }
    case EntryType::kRefunded:
      add("payment.refunded", money(after));
      break;
    default:
      break;
  }
  if (entry.type != EntryType::kPlaced && before.status != after.status) {
    const auto reason = after.history.empty() ? std::string() : after.history.back().reason;
    add("order.status_changed", json::object{{"order_id", after.id},
                                             {"user_id", after.user_id},
                                             {"from_status", to_string(before.status)},
                                             {"to_status", to_string(after.status)},
                                             {"reason", reason}});
    if (after.status == OrderStatus::kCancelled) {
      add("order.cancelled",
          json::object{{"order_id", after.id}, {"user_id", after.user_id}, {"reason", reason}});
    }
  }
  return events;
}

}  // namespace shop::order::models
