#pragma once
// In-memory stand-ins for the saga's three seams (order store, product-service, payment
// provider), so every saga step and compensation runs without servers. The order store
// keeps the one rule that matters: an append whose sequence number is taken is kConflict.

#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "clients/payment_gateway.hpp"
#include "clients/stock_service.hpp"
#include "repository/stores.hpp"

namespace shop::order::testing {

class FakeOrderStore final : public repository::OrderStore {
 public:
  repository::Task<std::vector<models::LogEntry>> read_log(const std::string& order_id) override;
  repository::Task<void> append(const models::LogEntry& entry) override;
  repository::Task<models::Order> project(const std::string& order_id) override;
  repository::Task<std::vector<std::string>> needing_work(const std::string& updated_before,
                                                          std::int64_t limit) override;
  repository::Task<std::vector<std::string>> waitlisted_for(const std::string& product_id,
                                                            std::int64_t limit) override;
  repository::Task<std::vector<models::LogEntry>> unpublished(std::int64_t limit) override;
  repository::Task<void> mark_published(const std::string& order_id, std::int64_t seq) override;
  repository::Task<std::vector<models::Order>> list_for_user(const std::string& user_id,
                                                             std::int64_t limit) override;

  // Appends straight away, as another writer would.
  void append_now(const models::LogEntry& entry);
  std::vector<models::LogEntry> log(const std::string& order_id) const;
  // Runs once, just before the next append: lets a test slip in a rival writer's entry.
  std::function<void()> before_next_append;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::vector<models::LogEntry>> logs_;
  std::vector<std::string> placement_order_;
};

class FakeStock final : public clients::StockService {
 public:
  clients::Task<std::vector<clients::CatalogEntry>> find_products(
      const std::vector<std::string>& ids, const common::grpc_glue::CallContext& call) override;
  clients::Task<void> reserve(const models::Order& order,
                              const common::grpc_glue::CallContext& call) override;
  clients::Task<void> commit(const std::string& order_id,
                             const common::grpc_glue::CallContext& call) override;
  clients::Task<void> release(const std::string& order_id,
                              const common::grpc_glue::CallContext& call) override;
  clients::Task<void> return_stock(const std::string& order_id,
                                   const common::grpc_glue::CallContext& call) override;

  std::map<std::string, std::int64_t> available;  // by product id
  bool down = false;
  std::set<std::string> reserved, committed, released, returned;  // order ids

 private:
  std::map<std::string, std::vector<models::OrderLine>> held_;
};

class FakePayments final : public clients::PaymentGateway {
 public:
  boost::asio::awaitable<common::Result<models::CardToken>> tokenize(
      const models::CardDetails& card) override;
  boost::asio::awaitable<common::Result<clients::ChargeOutcome>> charge(
      const models::Order& order) override;
  boost::asio::awaitable<common::Result<void>> refund(const models::Order& order) override;
  boost::asio::awaitable<common::Result<std::optional<std::string>>> find_charge(
      const models::Order& order) override;

  enum class Next { kSucceed, kDecline, kOutage, kOutageAfterCharging };
  Next next = Next::kSucceed;
  bool lookup_down = false;
  std::map<std::string, int> charges;  // by order id: charges taken (the provider's books)
  std::set<std::string> refunded;
};

}  // namespace shop::order::testing
