#pragma once
// The MongoDB-API adapters of the order-service stores. Collections:
//   order_log         one document per log entry, unique (order_id, seq)
//   orders            one projection per order, by user_id and created_at
//   cart_lines        one document per (user, product), _id "<user>/<product>"
//   idempotency_keys  unique (user_id, key)

#include <memory>

#include "common/mongo/database.hpp"
#include "repository/stores.hpp"

namespace shop::order::repository {

// Creates the indexes every store relies on; idempotent, so every replica runs it at start.
Task<void> prepare_collections(common::mongo::Database& database);

class MongoOrderStore final : public OrderStore {
 public:
  explicit MongoOrderStore(std::shared_ptr<common::mongo::Database> database)
      : database_(std::move(database)) {}

  // OrderStore
  Task<std::vector<models::LogEntry>> read_log(const std::string& order_id) override;
  Task<void> append(const models::LogEntry& entry) override;
  Task<models::Order> project(const std::string& order_id) override;
  Task<std::vector<std::string>> needing_work(const std::string& updated_before,
                                              std::int64_t limit) override;
  Task<std::vector<std::string>> waitlisted_for(const std::string& product_id,
                                                std::int64_t limit) override;
  Task<std::vector<models::LogEntry>> unpublished(std::int64_t limit) override;
  Task<void> mark_published(const std::string& order_id, std::int64_t seq) override;
  Task<std::vector<models::Order>> list_for_user(const std::string& user_id,
                                                 std::int64_t limit) override;

 private:
  Task<std::int64_t> last_seq(const std::string& order_id);

  std::shared_ptr<common::mongo::Database> database_;
};

class MongoCartStore final : public CartStore {
 public:
  explicit MongoCartStore(std::shared_ptr<common::mongo::Database> database)
      : database_(std::move(database)) {}

  // CartStore
  Task<std::vector<CartLine>> lines(const std::string& user_id) override;
  Task<std::optional<CartLine>> line(const std::string& user_id,
                                     const std::string& product_id) override;
  Task<void> put(const std::string& user_id, const CartLine& line) override;
  Task<bool> remove(const std::string& user_id, const std::string& product_id) override;
  Task<void> clear(const std::string& user_id) override;

 private:
  std::shared_ptr<common::mongo::Database> database_;
};

class MongoIdempotencyStore final : public IdempotencyStore {
 public:
  explicit MongoIdempotencyStore(std::shared_ptr<common::mongo::Database> database)
      : database_(std::move(database)) {}

  // IdempotencyStore
  Task<std::optional<IdempotencyRecord>> find(const std::string& user_id,
                                              const std::string& key) override;
  Task<void> insert(const IdempotencyRecord& record) override;

 private:
  std::shared_ptr<common::mongo::Database> database_;
};

}  // namespace shop::order::repository
