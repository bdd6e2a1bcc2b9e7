// The retry and auto-disable rules.

#include "webhook/retry_schedule.hpp"

#include <gtest/gtest.h>

namespace shop::notification::webhook {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(WebhookRetrySchedule, ClassifiesStatuses) {
  for (int status : {200, 201, 202, 204, 299}) {
    EXPECT_EQ(classify_attempt(status), AttemptOutcome::kSucceeded) << status;
  }
  EXPECT_EQ(classify_attempt(410), AttemptOutcome::kGone);
  for (int status : {0, 100, 199, 300, 301, 302, 304, 400, 401, 404, 409, 429, 500, 502, 503}) {
    EXPECT_EQ(classify_attempt(status), AttemptOutcome::kFailed) << status;
  }
}

TEST(WebhookRetrySchedule, CeilingDoublesFromTheBaseUpToTheCap) {
  EXPECT_EQ(backoff_ceiling(1), milliseconds{0});
  EXPECT_EQ(backoff_ceiling(2), seconds{5});
  EXPECT_EQ(backoff_ceiling(3), seconds{10});
  EXPECT_EQ(backoff_ceiling(4), seconds{20});
  EXPECT_EQ(backoff_ceiling(5), seconds{40});
  EXPECT_EQ(backoff_ceiling(11), seconds{2560});
  EXPECT_EQ(backoff_ceiling(12), seconds{3600});
  EXPECT_EQ(backoff_ceiling(40), seconds{3600});  // no overflow far past the cap
  EXPECT_EQ(backoff_ceiling(1000), kMaxRetryDelay);
  EXPECT_EQ(backoff_ceiling(0), milliseconds{0});
  EXPECT_EQ(backoff_ceiling(-3), milliseconds{0});
}

TEST(WebhookRetrySchedule, FullJitterTakesTheFractionOfTheCeiling) {
  EXPECT_EQ(delay_before_attempt(2, 0.0), milliseconds{0});
  EXPECT_EQ(delay_before_attempt(2, 0.5), milliseconds{2500});
  EXPECT_EQ(delay_before_attempt(3, 0.25), milliseconds{2500});
  EXPECT_EQ(delay_before_attempt(2, 1.0), seconds{5});
  EXPECT_EQ(delay_before_attempt(12, 0.5), seconds{1800});
  EXPECT_EQ(delay_before_attempt(2, -1.0), milliseconds{0});  // clamped
  EXPECT_EQ(delay_before_attempt(2, 7.0), seconds{5});
  EXPECT_EQ(delay_before_attempt(1, 0.9), milliseconds{0});
}

TEST(WebhookRetrySchedule, SuccessEndsTheDelivery) {
  EXPECT_EQ(after_attempt(1, 200, 0.5), (NextStep{DeliveryState::kDelivered, milliseconds{0}}));
  EXPECT_EQ(after_attempt(kMaxAttempts, 204, 0.5).state, DeliveryState::kDelivered);
}

TEST(WebhookRetrySchedule, GoneEndsTheDeliveryAtOnce) {
  EXPECT_EQ(after_attempt(1, 410, 0.5).state, DeliveryState::kEndpointGone);
}

TEST(WebhookRetrySchedule, FailuresRetryWithTheNextAttemptsDelay) {
  for (int status : {0, 302, 400, 404, 429, 500, 503}) {
    EXPECT_EQ(after_attempt(1, status, 1.0), (NextStep{DeliveryState::kRetrying, seconds{5}}))
        << status;
  }
  EXPECT_EQ(after_attempt(3, 500, 0.5), (NextStep{DeliveryState::kRetrying, seconds{10}}));
  EXPECT_EQ(after_attempt(kMaxAttempts - 1, 500, 1.0).retry_in, kMaxRetryDelay);
}

TEST(WebhookRetrySchedule, GivesUpAfterTheLastAttempt) {
  for (int attempt = 1; attempt < kMaxAttempts; ++attempt) {
    EXPECT_EQ(after_attempt(attempt, 503, 0.5).state, DeliveryState::kRetrying) << attempt;
  }
  EXPECT_EQ(after_attempt(kMaxAttempts, 503, 0.5),
            (NextStep{DeliveryState::kGivenUp, milliseconds{0}}));
  EXPECT_EQ(after_attempt(kMaxAttempts, 0, 0.5).state, DeliveryState::kGivenUp);
}

TEST(WebhookSubscriptionHealth, DisablesAfterConsecutiveGivenUpDeliveries) {
  SubscriptionHealth health;
  for (int i = 1; i < kDisableAfterFailedDeliveries; ++i) {
    health = after_delivery(health, DeliveryState::kGivenUp);
    EXPECT_EQ(health, (SubscriptionHealth{i, false}));
  }
  health = after_delivery(health, DeliveryState::kGivenUp);
  EXPECT_EQ(health, (SubscriptionHealth{kDisableAfterFailedDeliveries, true}));
}

TEST(WebhookSubscriptionHealth, ADeliveryResetsTheCount) {
  SubscriptionHealth health{kDisableAfterFailedDeliveries - 1, false};
  health = after_delivery(health, DeliveryState::kDelivered);
  EXPECT_EQ(health, (SubscriptionHealth{0, false}));
  health = after_delivery(health, DeliveryState::kGivenUp);
  EXPECT_EQ(health, (SubscriptionHealth{1, false}));
}

TEST(WebhookSubscriptionHealth, GoneDisablesAtOnce) {
  EXPECT_TRUE(after_delivery({}, DeliveryState::kEndpointGone).disabled);
}

TEST(WebhookSubscriptionHealth, RetryingChangesNothing) {
  const SubscriptionHealth health{2, false};
  EXPECT_EQ(after_delivery(health, DeliveryState::kRetrying), health);
}

}  // namespace
}  // namespace shop::notification::webhook
