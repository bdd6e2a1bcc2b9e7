#include "models/test_cards.hpp"

#include <gtest/gtest.h>

namespace shop::payment::models {
namespace {

TEST(TestCards, EachTestCardHasItsOutcome) {
  EXPECT_EQ(outcome_for("4242424242424242"), ChargeOutcome::kSucceeded);
  EXPECT_EQ(outcome_for("4000000000000002"), ChargeOutcome::kDeclined);
  EXPECT_EQ(outcome_for("4000000000009995"), ChargeOutcome::kInsufficientFunds);
  EXPECT_EQ(outcome_for("4000000000000119"), ChargeOutcome::kProviderError);
  EXPECT_EQ(outcome_for("4000000000003220"), ChargeOutcome::kSucceededSlowly);
}

TEST(TestCards, AnyOtherCardSucceeds) {
  EXPECT_EQ(outcome_for("5555555555554444"), ChargeOutcome::kSucceeded);
  EXPECT_EQ(outcome_for("4000000000000010"), ChargeOutcome::kSucceeded);
}

TEST(TestCards, OnlyDeclinesCarryADeclineCode) {
  const auto generic = decline_of(ChargeOutcome::kDeclined);
  ASSERT_TRUE(generic);
  EXPECT_EQ(generic->code, "generic_decline");
  EXPECT_EQ(generic->message, "Your card was declined.");
  const auto funds = decline_of(ChargeOutcome::kInsufficientFunds);
  ASSERT_TRUE(funds);
  EXPECT_EQ(funds->code, "insufficient_funds");
  EXPECT_EQ(funds->message, "Your card has insufficient funds.");
  EXPECT_FALSE(decline_of(ChargeOutcome::kSucceeded));
  EXPECT_FALSE(decline_of(ChargeOutcome::kSucceededSlowly));
  EXPECT_FALSE(decline_of(ChargeOutcome::kProviderError));
}

TEST(TestCards, MetricLabels) {
  EXPECT_EQ(outcome_label(ChargeOutcome::kSucceeded), "succeeded");
  EXPECT_EQ(outcome_label(ChargeOutcome::kSucceededSlowly), "succeeded");
  EXPECT_EQ(outcome_label(ChargeOutcome::kDeclined), "generic_decline");
  EXPECT_EQ(outcome_label(ChargeOutcome::kInsufficientFunds), "insufficient_funds");
  EXPECT_EQ(outcome_label(ChargeOutcome::kProviderError), "provider_error");
}

}  // namespace
}  // namespace shop::payment::models
