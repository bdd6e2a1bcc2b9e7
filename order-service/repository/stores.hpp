#pragma once
// Storage seams of order-service: interfaces here, MongoDB-API adapters beside them.

#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "models/order_log.hpp"

namespace shop::order::repository {

template <class T>
using Task = boost::asio::awaitable<common::Result<T>>;

class OrderStore {
 public:
  virtual ~OrderStore() = default;
  // The order's log in sequence order; empty for an unknown order.
  virtual Task<std::vector<models::LogEntry>> read_log(const std::string& order_id) = 0;
  // kConflict when another writer took entry.seq first.
  virtual Task<void> append(const models::LogEntry& entry) = 0;
  // Writes the order document readers list, from the log as it stands: rebuilt again
  // if the log grew while it was written, so the last writer leaves the latest state.
  virtual Task<models::Order> project(const std::string& order_id) = 0;
  // Orders whose saga has a step left, last changed before `updated_before` (RFC 3339),
  // oldest first: what the recovery worker resumes.
  virtual Task<std::vector<std::string>> needing_work(const std::string& updated_before,
                                                      std::int64_t limit) = 0;
  // WAITLISTED orders holding `product_id`, oldest first: the queue stock returns to.
  virtual Task<std::vector<std::string>> waitlisted_for(const std::string& product_id,
                                                        std::int64_t limit) = 0;
  // Log entries not yet published as events, oldest first: the outbox the relay reads.
  virtual Task<std::vector<models::LogEntry>> unpublished(std::int64_t limit) = 0;
  virtual Task<void> mark_published(const std::string& order_id, std::int64_t seq) = 0;
  // The caller's orders, newest first, from their projections.
  virtual Task<std::vector<models::Order>> list_for_user(const std::string& user_id,
                                                         std::int64_t limit) = 0;
};

struct CartLine {
  std::string product_id;
  std::int64_t quantity = 0;
};

class CartStore {
 public:
  virtual ~CartStore() = default;
  // Oldest line first.
  virtual Task<std::vector<CartLine>> lines(const std::string& user_id) = 0;
  virtual Task<std::optional<CartLine>> line(const std::string& user_id,
                                             const std::string& product_id) = 0;
  virtual Task<void> put(const std::string& user_id, const CartLine& line) = 0;
  // Whether there was such a line.
  virtual Task<bool> remove(const std::string& user_id, const std::string& product_id) = 0;
  virtual Task<void> clear(const std::string& user_id) = 0;
};

struct IdempotencyRecord {
  std::string user_id;
  std::string key;
  std::string fingerprint;
  std::string order_id;
};

class IdempotencyStore {
 public:
  virtual ~IdempotencyStore() = default;
  virtual Task<std::optional<IdempotencyRecord>> find(const std::string& user_id,
                                                      const std::string& key) = 0;
  // kConflict when (user_id, key) is taken already.
  virtual Task<void> insert(const IdempotencyRecord& record) = 0;
};

}  // namespace shop::order::repository
