#include "api/conversions.hpp"

#include "common/grpc/postal_address.hpp"

namespace shop::order::api {

v1::Order to_proto(const models::Order& order) {
  v1::Order out;
  out.set_id(order.id);
  out.set_user_id(order.user_id);
  out.set_status(std::string(models::to_string(order.status)));
  for (const auto& line : order.lines) {
    auto* item = out.add_items();
    item->set_product_id(line.product_id);
    item->set_name(line.name);
    item->set_quantity(line.quantity);
    item->set_unit_price_cents(line.unit_price_cents);
  }
  out.set_total_cents(order.total_cents);
  out.set_currency(order.currency);
  *out.mutable_shipping_address() = common::grpc_glue::to_proto(order.address);
  auto* payment = out.mutable_payment();
  payment->set_status(std::string(models::to_string(order.payment)));
  if (order.payment == models::PaymentStatus::kFailed)
    payment->set_failure_reason(order.failure_reason);
  payment->set_card_brand(order.card.brand);
  payment->set_card_last4(order.card.last4);
  payment->set_amount_cents(order.total_cents);
  payment->set_currency(order.currency);
  for (const auto& change : order.history) {
    auto* entry = out.add_status_history();
    entry->set_status(std::string(models::to_string(change.status)));
    entry->set_at(change.at);
    entry->set_reason(change.reason);
  }
  out.set_failure_reason(order.failure_reason);
  out.set_created_at(order.created_at);
  out.set_updated_at(order.updated_at);
  return out;
}

models::OrderRequest from_proto(const v1::CreateOrderRequest& request) {
  models::OrderRequest out;
  out.idempotency_key = request.idempotency_key();
  for (const auto& item : request.items())
    out.lines.push_back({item.product_id(), item.quantity()});
  out.address = common::grpc_glue::from_proto(request.shipping_address());
  const auto& card = request.payment();
  out.card = {card.card_number(), card.exp_month(), card.exp_year(), card.cvc()};
  return out;
}

}  // namespace shop::order::api
