#include "models/charge_rules.hpp"

#include <gtest/gtest.h>

namespace shop::payment::models {
namespace {

const ChargeRequest kRequest{2500, "eur", "pm_1", "Order 7", {{"order_id", "7"}}};

Charge succeeded(std::int64_t amount, std::int64_t refunded) {
  Charge charge = settle_charge(kRequest, ChargeOutcome::kSucceeded, {"ch_1", 100});
  charge.amount = amount;
  charge.amount_refunded = refunded;
  return charge;
}

TEST(SettleCharge, ASucceededChargeCarriesTheRequest) {
  const auto charge = settle_charge(kRequest, ChargeOutcome::kSucceeded, {"ch_1", 1700000000});
  EXPECT_EQ(charge.id, "ch_1");
  EXPECT_EQ(charge.amount, 2500);
  EXPECT_EQ(charge.currency, "eur");
  EXPECT_EQ(charge.status, ChargeStatus::kSucceeded);
  EXPECT_EQ(charge.payment_method, "pm_1");
  EXPECT_EQ(charge.description, "Order 7");
  EXPECT_EQ(charge.metadata.at("order_id"), "7");
  EXPECT_EQ(charge.created, 1700000000);
  EXPECT_EQ(charge.amount_refunded, 0);
  EXPECT_FALSE(charge.refunded());
  EXPECT_TRUE(charge.failure_code.empty());
  EXPECT_TRUE(charge.decline_code.empty());
}

TEST(SettleCharge, TheSlowCardSucceedsToo) {
  EXPECT_EQ(settle_charge(kRequest, ChargeOutcome::kSucceededSlowly, {"ch_1", 1}).status,
            ChargeStatus::kSucceeded);
}

TEST(SettleCharge, DeclinesFailWithTheirReason) {
  const auto declined = settle_charge(kRequest, ChargeOutcome::kDeclined, {"ch_2", 1});
  EXPECT_EQ(declined.status, ChargeStatus::kFailed);
  EXPECT_EQ(declined.failure_code, "card_declined");
  EXPECT_EQ(declined.decline_code, "generic_decline");
  EXPECT_EQ(declined.failure_message, "Your card was declined.");
  const auto error = decline_error(declined);
  EXPECT_EQ(error.status, 402);
  EXPECT_EQ(error.type, ErrorType::kCard);
  EXPECT_EQ(error.code, "card_declined");
  EXPECT_EQ(error.decline_code, "generic_decline");
  EXPECT_EQ(error.charge, "ch_2");
  EXPECT_EQ(error.message, "Your card was declined.");

  const auto poor = settle_charge(kRequest, ChargeOutcome::kInsufficientFunds, {"ch_3", 1});
  EXPECT_EQ(poor.status, ChargeStatus::kFailed);
  EXPECT_EQ(poor.decline_code, "insufficient_funds");
  EXPECT_EQ(decline_error(poor).message, "Your card has insufficient funds.");
}

TEST(RefundAmount, DefaultsToWhatIsLeft) {
  EXPECT_EQ(refund_amount(succeeded(1000, 0), std::nullopt).value(), 1000);
  EXPECT_EQ(refund_amount(succeeded(1000, 300), std::nullopt).value(), 700);
}

TEST(RefundAmount, APartUpToWhatIsLeft) {
  EXPECT_EQ(refund_amount(succeeded(1000, 300), 700).value(), 700);
  EXPECT_EQ(refund_amount(succeeded(1000, 300), 1).value(), 1);
  const auto too_much = refund_amount(succeeded(1000, 300), 701);
  ASSERT_FALSE(too_much);
  EXPECT_EQ(too_much.error().status, 400);
  EXPECT_EQ(too_much.error().code, "amount_too_large");
  EXPECT_EQ(too_much.error().param, "amount");
}

TEST(RefundAmount, NothingLeftMeansAlreadyRefunded) {
  for (const std::optional<std::int64_t> requested : {std::optional<std::int64_t>{}, {1}}) {
    const auto refused = refund_amount(succeeded(1000, 1000), requested);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().status, 400);
    EXPECT_EQ(refused.error().code, "charge_already_refunded");
  }
  EXPECT_TRUE(succeeded(1000, 1000).refunded());
}

TEST(RefundAmount, AFailedChargeIsNotRefundable) {
  const auto failed = settle_charge(kRequest, ChargeOutcome::kDeclined, {"ch_2", 1});
  const auto refused = refund_amount(failed, std::nullopt);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().status, 400);
  EXPECT_EQ(refused.error().code, "charge_not_refundable");
  EXPECT_EQ(refused.error().param, "charge");
}

}  // namespace
}  // namespace shop::payment::models
