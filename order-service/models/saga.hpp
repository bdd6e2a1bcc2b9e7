#pragma once
// The order saga's rules, with no I/O: which step an order needs next, and which
// changes customers and admins may make. The saga runner (saga/) performs the steps
// and appends what happened; whoever reads the order afterwards asks again.
//
//   PENDING, nothing reserved      reserve stock   → reserved, or WAITLISTED if short
//   PENDING, reserved              charge          → CONFIRMED, or payment failed → CANCELLED
//   CONFIRMED or later, reserved   commit stock
//   CANCELLED, charged             refund
//   CANCELLED, stock reserved      release stock
//   CANCELLED, stock committed     return stock

#include "common/errors.hpp"
#include "models/order.hpp"

namespace shop::order::models {

enum class SagaStep {
  kNone,
  kReserveStock,
  kCharge,
  kCommitStock,
  kReleaseStock,
  kReturnStock,
  kRefund
};

SagaStep next_step(const Order& order);

// Whether a customer may cancel: before shipping. An order cancelled already is not an
// error (false: nothing to do); a shipped one is kConflict.
common::Result<bool> may_cancel(const Order& order);

// Whether a WAITLISTED order goes back to PENDING to try again (false: it is not
// waitlisted any more, nothing to do).
bool may_requeue(const Order& order);

// SHIPPED after CONFIRMED, DELIVERED after SHIPPED, COMPLETED after DELIVERED; every
// other move is kConflict. Setting the status an order has already is not an error
// (false: nothing to do).
common::Result<bool> may_set_status(const Order& order, OrderStatus target);

}  // namespace shop::order::models
