#pragma once
// The events product-service publishes (API.md names), as type + subject + JSON data.
// The outbox wraps them in the CloudEvents envelope and numbers them per aggregate.

#include <boost/json/object.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "models/product.hpp"
#include "models/stock.hpp"

namespace shop::product::models {

inline constexpr const char* kProductAggregate = "product";
inline constexpr const char* kReservationAggregate = "reservation";  // id: the order id

struct DomainEvent {
  std::string type;
  std::string aggregate_type;  // kProductAggregate or kReservationAggregate
  std::string subject;         // the aggregate's id
  boost::json::object data;
};

namespace event_type {
inline constexpr const char* kProductCreated = "product.created";
inline constexpr const char* kProductUpdated = "product.updated";
inline constexpr const char* kProductDeleted = "product.deleted";
inline constexpr const char* kStockReserved = "stock.reserved";
inline constexpr const char* kStockCommitted = "stock.committed";
inline constexpr const char* kStockReleased = "stock.released";
inline constexpr const char* kStockReturned = "stock.returned";
inline constexpr const char* kStockLow = "stock.low";
inline constexpr const char* kBackInStock = "product.back_in_stock";
}  // namespace event_type

DomainEvent product_created(const Product& product);
DomainEvent product_updated(const Product& product);
DomainEvent product_deleted(const std::string& product_id);
// type: kStockReserved, kStockCommitted, kStockReleased or kStockReturned
DomainEvent reservation_event(const char* type, const Reservation& reservation);
DomainEvent stock_low(const std::string& product_id, std::int64_t available,
                      std::int64_t threshold);
DomainEvent back_in_stock(const std::string& product_id, std::int64_t available,
                          const std::vector<std::string>& waiting_user_ids);

}  // namespace shop::product::models
