#include "models/charge_rules.hpp"

namespace shop::payment::models {

Charge settle_charge(const ChargeRequest& request, ChargeOutcome outcome, NewObject identity) {
  Charge charge{.id = std::move(identity.id),
                .amount = request.amount,
                .currency = request.currency,
                .status = ChargeStatus::kSucceeded,
                .payment_method = request.payment_method,
                .description = request.description,
                .metadata = request.metadata,
                .created = identity.created};
  if (const auto decline = decline_of(outcome)) {
    charge.status = ChargeStatus::kFailed;
    charge.failure_code = "card_declined";
    charge.failure_message = decline->message;
    charge.decline_code = decline->code;
  }
  return charge;
}

ApiError decline_error(const Charge& charge) {
  return ApiError::declined(charge.decline_code, charge.failure_message, charge.id);
}

ApiResult<std::int64_t> refund_amount(const Charge& charge, std::optional<std::int64_t> requested) {
  if (charge.status != ChargeStatus::kSucceeded) {
    return ApiError::invalid_state("charge_not_refundable", "charge",
                                   "Charge " + charge.id + " did not succeed; nothing to refund.");
  }
  const std::int64_t left = charge.amount - charge.amount_refunded;
  if (left <= 0) {
    return ApiError::invalid_state("charge_already_refunded", "charge",
                                   "Charge " + charge.id + " has already been refunded.");
  }
  const std::int64_t amount = requested.value_or(left);
  if (amount > left) {
    return ApiError::invalid_state("amount_too_large", "amount",
                                   "Refund amount (" + std::to_string(amount) +
                                       ") is greater than what is left to refund (" +
                                       std::to_string(left) + ").");
  }
  return amount;
}

}  // namespace shop::payment::models
