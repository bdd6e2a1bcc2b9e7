#pragma once
// The PostgreSQL adapters of the storage seams.

#include <memory>

#include "common/db/pool.hpp"
#include "repository/catalog_repository.hpp"
#include "repository/inventory_repository.hpp"

namespace shop::product::repository {

class PgCatalogRepository final : public CatalogRepository {
 public:
  PgCatalogRepository(std::shared_ptr<common::db::Pool> pool, std::shared_ptr<EventOutbox> outbox)
      : pool_(std::move(pool)), outbox_(std::move(outbox)) {}

  // CatalogRepository
  Task<models::Product> create_product(const models::NewProduct& product,
                                       WriteContext context) override;
  Task<models::Product> find_product(const std::string& id) override;
  Task<std::vector<models::Product>> find_products(const std::vector<std::string>& ids) override;
  Task<models::Product> update_product(const std::string& id, const models::ProductChange& change,
                                       WriteContext context) override;
  Task<void> delete_product(const std::string& id, WriteContext context) override;
  Task<models::ListingPage> list_products(const models::ListingQuery& query) override;
  Task<std::vector<models::Category>> list_categories() override;
  Task<models::Category> create_category(const models::NewCategory& category) override;

 private:
  std::shared_ptr<common::db::Pool> pool_;
  std::shared_ptr<EventOutbox> outbox_;
};

class PgInventoryRepository final : public InventoryRepository {
 public:
  PgInventoryRepository(std::shared_ptr<common::db::Pool> pool, std::shared_ptr<EventOutbox> outbox)
      : pool_(std::move(pool)), outbox_(std::move(outbox)) {}

  // InventoryRepository
  Task<InventoryLevel> set_on_hand(const std::string& product_id, std::int64_t quantity,
                                   WriteContext context) override;
  Task<models::Reservation> reserve(const std::string& order_id,
                                    const std::vector<models::StockRequestLine>& lines,
                                    std::chrono::seconds ttl, WriteContext context) override;
  Task<models::Reservation> commit(const std::string& order_id, WriteContext context) override;
  Task<models::Reservation> release(const std::string& order_id, WriteContext context) override;
  Task<models::Reservation> return_stock(const std::string& order_id,
                                         WriteContext context) override;
  Task<std::optional<std::string>> expire_one() override;
  Task<WaitlistEntry> join_waitlist(const std::string& product_id,
                                    const std::string& user_id) override;
  Task<void> leave_waitlist(const std::string& product_id, const std::string& user_id) override;

 private:
  std::shared_ptr<common::db::Pool> pool_;
  std::shared_ptr<EventOutbox> outbox_;
};

}  // namespace shop::product::repository
