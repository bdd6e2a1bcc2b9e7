#include "models/saga.hpp"

#include <gtest/gtest.h>

namespace shop::order::models {
namespace {

Order order_with(OrderStatus status, StockState stock, PaymentStatus payment) {
  Order order;
  order.id = "order-1";
  order.status = status;
  order.stock = stock;
  order.payment = payment;
  return order;
}

struct StepCase {
  OrderStatus status;
  StockState stock;
  PaymentStatus payment;
  SagaStep expected;
};

class NextStepTest : public ::testing::TestWithParam<StepCase> {};

TEST_P(NextStepTest, FollowsTheSaga) {
  const auto& c = GetParam();
  EXPECT_EQ(next_step(order_with(c.status, c.stock, c.payment)), c.expected);
}

using S = OrderStatus;
using K = StockState;
using P = PaymentStatus;

INSTANTIATE_TEST_SUITE_P(
    Saga, NextStepTest,
    ::testing::Values(StepCase{S::kPending, K::kNone, P::kPending, SagaStep::kReserveStock},
                      StepCase{S::kPending, K::kReserved, P::kPending, SagaStep::kCharge},
                      StepCase{S::kConfirmed, K::kReserved, P::kSucceeded, SagaStep::kCommitStock},
                      StepCase{S::kShipped, K::kReserved, P::kSucceeded, SagaStep::kCommitStock},
                      StepCase{S::kConfirmed, K::kCommitted, P::kSucceeded, SagaStep::kNone},
                      StepCase{S::kCancelled, K::kReserved, P::kFailed, SagaStep::kReleaseStock},
                      StepCase{S::kCancelled, K::kReserved, P::kSucceeded, SagaStep::kRefund},
                      StepCase{S::kCancelled, K::kReserved, P::kRefunded, SagaStep::kReleaseStock},
                      StepCase{S::kCancelled, K::kCommitted, P::kRefunded, SagaStep::kReturnStock},
                      StepCase{S::kCancelled, K::kReleased, P::kSucceeded, SagaStep::kRefund},
                      StepCase{S::kCancelled, K::kReleased, P::kRefunded, SagaStep::kNone},
                      StepCase{S::kCancelled, K::kNone, P::kPending, SagaStep::kNone},
                      StepCase{S::kWaitlisted, K::kNone, P::kPending, SagaStep::kNone},
                      StepCase{S::kCompleted, K::kCommitted, P::kSucceeded, SagaStep::kNone}));

TEST(MayCancelTest, BeforeShippingOnly) {
  for (auto status : {S::kPending, S::kWaitlisted, S::kConfirmed}) {
    auto allowed = may_cancel(order_with(status, K::kNone, P::kPending));
    ASSERT_TRUE(allowed);
    EXPECT_TRUE(*allowed);
  }
  for (auto status : {S::kShipped, S::kDelivered, S::kCompleted}) {
    auto refused = may_cancel(order_with(status, K::kCommitted, P::kSucceeded));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, common::ErrorCode::kConflict);
  }
  auto again = may_cancel(order_with(S::kCancelled, K::kReleased, P::kRefunded));
  ASSERT_TRUE(again);
  EXPECT_FALSE(*again);
}

TEST(MaySetStatusTest, OnlyTheNextFulfilmentStep) {
  const std::vector<std::pair<S, S>> legal{
      {S::kConfirmed, S::kShipped}, {S::kShipped, S::kDelivered}, {S::kDelivered, S::kCompleted}};
  const std::vector<S> all{S::kPending,   S::kWaitlisted, S::kConfirmed, S::kShipped,
                           S::kDelivered, S::kCompleted,  S::kCancelled};
  for (auto from : all) {
    for (auto to : {S::kShipped, S::kDelivered, S::kCompleted}) {
      const auto decision = may_set_status(order_with(from, K::kCommitted, P::kSucceeded), to);
      const bool expected_legal =
          std::find(legal.begin(), legal.end(), std::pair{from, to}) != legal.end();
      if (from == to) {
        ASSERT_TRUE(decision);
        EXPECT_FALSE(*decision);
      } else if (expected_legal) {
        ASSERT_TRUE(decision) << to_string(from) << " -> " << to_string(to);
        EXPECT_TRUE(*decision);
      } else {
        ASSERT_FALSE(decision) << to_string(from) << " -> " << to_string(to);
        EXPECT_EQ(decision.error().code, common::ErrorCode::kConflict);
      }
    }
  }
}

TEST(OrderStatusTest, NamesRoundTrip) {
  for (auto status : {S::kPending, S::kWaitlisted, S::kConfirmed, S::kShipped, S::kDelivered,
                      S::kCompleted, S::kCancelled}) {
    EXPECT_EQ(parse_order_status(to_string(status)), status);
  }
  EXPECT_FALSE(parse_order_status("shipped"));
}

}  // namespace
}  // namespace shop::order::models
