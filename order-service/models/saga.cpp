#include "models/saga.hpp"

#include <string>

namespace shop::order::models {
namespace {

bool is_after_confirmation(OrderStatus status) {
  return status == OrderStatus::kConfirmed || status == OrderStatus::kShipped ||
         status == OrderStatus::kDelivered || status == OrderStatus::kCompleted;
}

common::Error illegal(const Order& order, std::string_view what) {
  return common::Error::conflict("order " + order.id + " is " +
                                 std::string(to_string(order.status)) + ": " + std::string(what));
}

}  // namespace

SagaStep next_step(const Order& order) {
  switch (order.status) {
    case OrderStatus::kPending:
      if (order.stock == StockState::kNone) return SagaStep::kReserveStock;
      if (order.stock == StockState::kReserved && order.payment == PaymentStatus::kPending) {
        return SagaStep::kCharge;
      }
      return SagaStep::kNone;
    case OrderStatus::kCancelled:
      // The customer's money first: a stock step that cannot be done now must not hold
      // up the refund.
      if (order.payment == PaymentStatus::kSucceeded) return SagaStep::kRefund;
      if (order.stock == StockState::kReserved) return SagaStep::kReleaseStock;
      if (order.stock == StockState::kCommitted) return SagaStep::kReturnStock;
      return SagaStep::kNone;
    case OrderStatus::kWaitlisted:
      return SagaStep::kNone;
    default:
      return is_after_confirmation(order.status) && order.stock == StockState::kReserved
                 ? SagaStep::kCommitStock
                 : SagaStep::kNone;
  }
}

common::Result<bool> may_cancel(const Order& order) {
  switch (order.status) {
    case OrderStatus::kPending:
    case OrderStatus::kWaitlisted:
    case OrderStatus::kConfirmed:
      return true;
    case OrderStatus::kCancelled:
      return false;
    default:
      return illegal(order, "too late to cancel");
  }
}

bool may_requeue(const Order& order) { return order.status == OrderStatus::kWaitlisted; }

common::Result<bool> may_set_status(const Order& order, OrderStatus target) {
  if (order.status == target) return false;
  const bool legal = (order.status == OrderStatus::kConfirmed && target == OrderStatus::kShipped) ||
                     (order.status == OrderStatus::kShipped && target == OrderStatus::kDelivered) ||
                     (order.status == OrderStatus::kDelivered && target == OrderStatus::kCompleted);
  if (!legal) return illegal(order, "cannot become " + std::string(to_string(target)));
  return true;
}

}  // namespace shop::order::models
