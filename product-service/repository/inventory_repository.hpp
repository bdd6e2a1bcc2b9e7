#pragma once
// Storage seam of stock: on-hand levels, reservations and the waitlist. Every method is
// one transaction; the events each change implies are written in it (EventOutbox).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/stock.hpp"
#include "repository/event_outbox.hpp"

namespace shop::product::repository {

struct InventoryLevel {
  std::string product_id;
  models::StockLevel level;
};

struct WaitlistEntry {
  std::string product_id;
  std::string user_id;
  std::string created_at;
};

class InventoryRepository {
 public:
  virtual ~InventoryRepository() = default;
  // kNotFound for an unknown product; kConflict below the reserved quantity.
  virtual Task<InventoryLevel> set_on_hand(const std::string& product_id, std::int64_t quantity,
                                           WriteContext context) = 0;
  // `lines` normalized (models::normalize_reservation). The reservation an earlier call
  // made for `order_id`, if any; else all lines reserved, or none and kConflict.
  virtual Task<models::Reservation> reserve(const std::string& order_id,
                                            const std::vector<models::StockRequestLine>& lines,
                                            std::chrono::seconds ttl, WriteContext context) = 0;
  virtual Task<models::Reservation> commit(const std::string& order_id, WriteContext context) = 0;
  virtual Task<models::Reservation> release(const std::string& order_id, WriteContext context) = 0;
  // Puts a committed reservation's quantities back on hand and records it as returned
  // (models::on_return). kNotFound for an order id never reserved.
  virtual Task<models::Reservation> return_stock(const std::string& order_id,
                                                 WriteContext context) = 0;
  // Releases one reservation past its expiry, if there is one; returns its order id.
  virtual Task<std::optional<std::string>> expire_one() = 0;

  // kNotFound for an unknown product, kConflict when it is in stock.
  virtual Task<WaitlistEntry> join_waitlist(const std::string& product_id,
                                            const std::string& user_id) = 0;
  virtual Task<void> leave_waitlist(const std::string& product_id, const std::string& user_id) = 0;
};

}  // namespace shop::product::repository
