#include "models/events.hpp"

#include <boost/json/value.hpp>

namespace shop::product::models {
namespace {

namespace json = boost::json;

json::object product_json(const Product& product) {
  return {{"id", product.id},
          {"sku", product.sku},
          {"name", product.name},
          {"description", product.description},
          {"price_cents", product.price_cents},
          {"currency", product.currency},
          {"category_id", product.category_id},
          {"stock_available", product.stock_available},
          {"updated_at", product.updated_at}};
}

DomainEvent product_event(const char* type, const std::string& product_id, json::object data) {
  return {type, kProductAggregate, product_id, std::move(data)};
}

}  // namespace

DomainEvent product_created(const Product& product) {
  return product_event(event_type::kProductCreated, product.id, product_json(product));
}

DomainEvent product_updated(const Product& product) {
  return product_event(event_type::kProductUpdated, product.id, product_json(product));
}

DomainEvent product_deleted(const std::string& product_id) {
  return product_event(event_type::kProductDeleted, product_id, {{"id", product_id}});
}

DomainEvent reservation_event(const char* type, const Reservation& reservation) {
  json::array items;
  for (const auto& line : reservation.items) {
    items.push_back(json::object{{"product_id", line.product_id},
                                 {"quantity", line.quantity},
                                 {"unit_price_cents", line.unit_price_cents},
                                 {"currency", line.currency}});
  }
  return {type,
          kReservationAggregate,
          reservation.order_id,
          {{"order_id", reservation.order_id},
           {"status", to_string(reservation.status)},
           {"items", std::move(items)}}};
}

DomainEvent stock_low(const std::string& product_id, std::int64_t available,
                      std::int64_t threshold) {
  return product_event(
      event_type::kStockLow, product_id,
      {{"product_id", product_id}, {"stock_available", available}, {"threshold", threshold}});
}

DomainEvent back_in_stock(const std::string& product_id, std::int64_t available,
                          const std::vector<std::string>& waiting_user_ids) {
  json::array users;
  for (const auto& id : waiting_user_ids) users.emplace_back(id);
  return product_event(event_type::kBackInStock, product_id,
                       {{"product_id", product_id},
                        {"stock_available", available},
                        {"waitlist_user_ids", std::move(users)}});
}

}  // namespace shop::product::models
