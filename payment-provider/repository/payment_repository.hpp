#pragma once
// Storage of payment methods, charges and refunds.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "models/api_error.hpp"
#include "models/payment.hpp"
#include "repository/idempotency_repository.hpp"

namespace shop::payment::repository {

class PaymentMethodRepository {
 public:
  virtual ~PaymentMethodRepository() = default;
  virtual Task<void> create(const models::PaymentMethod& method) = 0;
  virtual Task<std::optional<models::PaymentMethod>> find(const std::string& id) = 0;
};

struct RefundCommand {
  std::string refund_id;
  std::string charge_id;
  std::optional<std::int64_t> amount;  // all that is left when absent
  std::int64_t created = 0;
};

using RenderRefund = std::function<StoredResponse(const models::Refund&)>;

class ChargeRepository {
 public:
  virtual ~ChargeRepository() = default;
  // Stores the charge and, in the same transaction, `response` as the answer under `claim`.
  virtual Task<void> create(const models::Charge& charge, const KeyClaim& claim,
                            const StoredResponse& response) = 0;
  virtual Task<std::optional<models::Charge>> find(const std::string& id) = 0;
  // The charges whose metadata.order_id is `order_id`, oldest first.
  virtual Task<std::vector<models::Charge>> list_by_order(const std::string& order_id) = 0;
  // Refunds under the charge's row lock, so concurrent refunds of one charge never add up
  // to more than it; the refund, the charge's new refunded amount and the answer
  // `render` makes of the refund commit together. A refusal (no such charge, nothing
  // left...) changes nothing.
  virtual Task<models::ApiResult<models::Refund>> refund(const RefundCommand& command,
                                                         const KeyClaim& claim,
                                                         const RenderRefund& render) = 0;
};

}  // namespace shop::payment::repository
