#pragma once
// PostgreSQL adapters for the payment-provider repositories.

#include <memory>

#include "common/db/pool.hpp"
#include "repository/idempotency_repository.hpp"
#include "repository/payment_repository.hpp"

namespace shop::payment::repository {

class PgPaymentMethodRepository final : public PaymentMethodRepository {
 public:
  explicit PgPaymentMethodRepository(std::shared_ptr<common::db::Pool> pool)
      : pool_(std::move(pool)) {}

  // PaymentMethodRepository
  Task<void> create(const models::PaymentMethod& method) override;
  Task<std::optional<models::PaymentMethod>> find(const std::string& id) override;

 private:
  std::shared_ptr<common::db::Pool> pool_;
};

class PgChargeRepository final : public ChargeRepository {
 public:
  explicit PgChargeRepository(std::shared_ptr<common::db::Pool> pool) : pool_(std::move(pool)) {}

  // ChargeRepository
  Task<void> create(const models::Charge& charge, const KeyClaim& claim,
                    const StoredResponse& response) override;
  Task<std::optional<models::Charge>> find(const std::string& id) override;
  Task<std::vector<models::Charge>> list_by_order(const std::string& order_id) override;
  Task<models::ApiResult<models::Refund>> refund(const RefundCommand& command,
                                                 const KeyClaim& claim,
                                                 const RenderRefund& render) override;

 private:
  std::shared_ptr<common::db::Pool> pool_;
};

class PgIdempotencyRepository final : public IdempotencyRepository {
 public:
  explicit PgIdempotencyRepository(std::shared_ptr<common::db::Pool> pool)
      : pool_(std::move(pool)) {}

  // IdempotencyRepository
  Task<ClaimResult> claim(const KeyRequest& request) override;
  Task<void> record(const KeyClaim& claim, const StoredResponse& response) override;
  Task<void> finish(const KeyClaim& claim) override;
  Task<void> release(const KeyClaim& claim) override;
  Task<std::int64_t> purge_expired() override;

 private:
  std::shared_ptr<common::db::Pool> pool_;
};

}  // namespace shop::payment::repository
