#include "repository/order_documents.hpp"

#include "json_values.hpp"
#include "models/saga.hpp"

namespace shop::order::repository {
namespace {

namespace json = boost::json;
using common::Error;

json::object address_document(const models::ShippingAddress& a) {
  return {{"name", a.name},
          {"line1", a.line1},
          {"line2", a.line2},
          {"city", a.city},
          {"postal_code", a.postal_code},
          {"country", a.country}};
}

models::ShippingAddress read_address(const json::object& d) {
  return {text(d, "name"), text(d, "line1"),       text(d, "line2"),
          text(d, "city"), text(d, "postal_code"), text(d, "country")};
}

std::string_view stock_name(models::StockState state) {
  switch (state) {
    case models::StockState::kNone:
      return "none";
    case models::StockState::kReserved:
      return "reserved";
    case models::StockState::kCommitted:
      return "committed";
    case models::StockState::kReleased:
      return "released";
  }
  return "none";
}

models::StockState read_stock(std::string_view name) {
  if (name == "reserved") return models::StockState::kReserved;
  if (name == "committed") return models::StockState::kCommitted;
  if (name == "released") return models::StockState::kReleased;
  return models::StockState::kNone;
}

models::PaymentStatus read_payment(std::string_view name) {
  for (auto status : {models::PaymentStatus::kPending, models::PaymentStatus::kSucceeded,
                      models::PaymentStatus::kFailed, models::PaymentStatus::kRefunded}) {
    if (models::to_string(status) == name) return status;
  }
  return models::PaymentStatus::kPending;
}

}  // namespace

json::object order_document(const models::Order& order) {
  json::array lines;
  for (const auto& line : order.lines) {
    lines.push_back(json::object{{"product_id", line.product_id},
                                 {"name", line.name},
                                 {"quantity", line.quantity},
                                 {"unit_price_cents", line.unit_price_cents}});
  }
  json::array history;
  for (const auto& change : order.history) {
    history.push_back(json::object{{"status", models::to_string(change.status)},
                                   {"at", change.at},
                                   {"reason", change.reason}});
  }
  return {{"_id", order.id},
          {"user_id", order.user_id},
          {"status", models::to_string(order.status)},
          {"lines", std::move(lines)},
          {"total_cents", order.total_cents},
          {"currency", order.currency},
          {"address", address_document(order.address)},
          {"card", json::object{{"token", order.card.token},
                                {"brand", order.card.brand},
                                {"last4", order.card.last4}}},
          {"payment", models::to_string(order.payment)},
          {"charge_id", order.charge_id},
          {"failure_reason", order.failure_reason},
          {"stock", stock_name(order.stock)},
          {"history", std::move(history)},
          {"created_at", order.created_at},
          {"updated_at", order.updated_at},
          {"version", order.version},
          {"needs_work", models::next_step(order) != models::SagaStep::kNone}};
}

common::Result<models::Order> read_order(const json::object& d) {
  models::Order order;
  order.id = text(d, "_id");
  order.user_id = text(d, "user_id");
  const auto status = models::parse_order_status(text(d, "status"));
  if (order.id.empty() || !status) return Error::internal("unreadable order document");
  order.status = *status;
  for (const auto& value : array_at(d, "lines")) {
    if (!value.is_object()) continue;
    const auto& line = value.as_object();
    order.lines.push_back({text(line, "product_id"), text(line, "name"), integer(line, "quantity"),
                           integer(line, "unit_price_cents")});
  }
  order.total_cents = integer(d, "total_cents");
  order.currency = text(d, "currency");
  order.address = read_address(object_at(d, "address"));
  const auto& card = object_at(d, "card");
  order.card = {text(card, "token"), text(card, "brand"), text(card, "last4")};
  order.payment = read_payment(text(d, "payment"));
  order.charge_id = text(d, "charge_id");
  order.failure_reason = text(d, "failure_reason");
  order.stock = read_stock(text(d, "stock"));
  for (const auto& value : array_at(d, "history")) {
    if (!value.is_object()) continue;
    const auto& change = value.as_object();
    const auto changed_to = models::parse_order_status(text(change, "status"));
    if (changed_to)
      order.history.push_back({*changed_to, text(change, "at"), text(change, "reason")});
  }
  order.created_at = text(d, "created_at");
  order.updated_at = text(d, "updated_at");
  order.version = integer(d, "version");
  return order;
}

std::string entry_id(const std::string& order_id, std::int64_t seq) {
  return order_id + "/" + std::to_string(seq);
}

json::object entry_document(const models::LogEntry& entry) {
  json::object document{{"_id", entry_id(entry.order_id, entry.seq)},
                        {"order_id", entry.order_id},
                        {"seq", entry.seq},
                        {"type", models::to_string(entry.type)},
                        {"at", entry.at},
                        // For the relay that will publish the log as events.
                        {"published", false}};
  if (entry.placed) document["placed"] = order_document(*entry.placed);
  if (!entry.charge_id.empty()) document["charge_id"] = entry.charge_id;
  if (!entry.reason.empty()) document["reason"] = entry.reason;
  if (entry.status) document["status"] = models::to_string(*entry.status);
  return document;
}

common::Result<models::LogEntry> read_entry(const json::object& d) {
  models::LogEntry entry;
  entry.order_id = text(d, "order_id");
  entry.seq = integer(d, "seq");
  const auto type = models::parse_entry_type(text(d, "type"));
  if (!type) return Error::internal("unreadable order log entry of " + entry.order_id);
  entry.type = *type;
  entry.at = text(d, "at");
  if (const auto* placed = d.if_contains("placed"); placed != nullptr && placed->is_object()) {
    auto order = read_order(placed->as_object());
    if (!order) return order.error();
    entry.placed = std::move(*order);
  }
  entry.charge_id = text(d, "charge_id");
  entry.reason = text(d, "reason");
  if (d.contains("status")) entry.status = models::parse_order_status(text(d, "status"));
  return entry;
}

}  // namespace shop::order::repository
