#include "common/resilience/retry_budget.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "common/resilience/fake_clock.hpp"

namespace shop::common::resilience {
namespace {

using std::chrono::seconds;

RetryBudgetConfig ratio_only(double ratio) {
  return {.window = seconds(10), .ratio = ratio, .min_retries_per_second = 0, .buckets = 10};
}

TEST(RetryBudgetTest, NoTrafficNoReserveMeansNoRetries) {
  FakeClock clock;
  RetryBudget budget(ratio_only(0.2), clock);
  EXPECT_FALSE(budget.try_spend_retry());
  EXPECT_EQ(budget.available(), 0);
}

TEST(RetryBudgetTest, RetriesAreCappedByRatioOfRequests) {
  FakeClock clock;
  RetryBudget budget(ratio_only(0.1), clock);
  for (int i = 0; i < 30; ++i) {
    budget.record_request();
  }
  EXPECT_EQ(budget.available(), 3);
  EXPECT_TRUE(budget.try_spend_retry());
  EXPECT_TRUE(budget.try_spend_retry());
  EXPECT_TRUE(budget.try_spend_retry());
  EXPECT_FALSE(budget.try_spend_retry());
  EXPECT_EQ(budget.available(), 0);
}

TEST(RetryBudgetTest, MoreRequestsRefillTheBudget) {
  FakeClock clock;
  RetryBudget budget(ratio_only(0.5), clock);
  budget.record_request();
  budget.record_request();
  EXPECT_TRUE(budget.try_spend_retry());
  EXPECT_FALSE(budget.try_spend_retry());
  budget.record_request();
  budget.record_request();
  EXPECT_TRUE(budget.try_spend_retry());
  EXPECT_FALSE(budget.try_spend_retry());
}

TEST(RetryBudgetTest, ReserveAllowsRetriesAtLowTraffic) {
  FakeClock clock;
  RetryBudget budget(
      {.window = seconds(10), .ratio = 0.0, .min_retries_per_second = 0.5, .buckets = 10}, clock);
  // 0.5 per second over a 10 s window.
  for (int i = 0; i < 5; ++i) {
    EXPECT_TRUE(budget.try_spend_retry()) << i;
  }
  EXPECT_FALSE(budget.try_spend_retry());
}

TEST(RetryBudgetTest, ExhaustedBudgetRecoversWhenRetriesLeaveTheWindow) {
  FakeClock clock;
  RetryBudget budget(
      {.window = seconds(10), .ratio = 0.0, .min_retries_per_second = 0.2, .buckets = 10}, clock);
  EXPECT_TRUE(budget.try_spend_retry());
  EXPECT_TRUE(budget.try_spend_retry());
  EXPECT_FALSE(budget.try_spend_retry());

  clock.advance(seconds(5));
  EXPECT_FALSE(budget.try_spend_retry());

  clock.advance(seconds(5));
  EXPECT_TRUE(budget.try_spend_retry());
}

TEST(RetryBudgetTest, RequestsAgeOutToo) {
  FakeClock clock;
  RetryBudget budget(ratio_only(1.0), clock);
  budget.record_request();
  budget.record_request();
  clock.advance(seconds(11));
  EXPECT_FALSE(budget.try_spend_retry());
  budget.record_request();
  EXPECT_TRUE(budget.try_spend_retry());
}

TEST(RetryBudgetTest, InexactRatiosStillGrantWholeRetries) {
  FakeClock clock;
  RetryBudget budget(ratio_only(0.1), clock);
  for (int i = 0; i < 10; ++i) {
    budget.record_request();
  }
  EXPECT_TRUE(budget.try_spend_retry());
  EXPECT_FALSE(budget.try_spend_retry());
}

}  // namespace
}  // namespace shop::common::resilience
