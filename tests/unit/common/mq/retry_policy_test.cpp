#include "common/mq/retry_policy.hpp"

#include <gtest/gtest.h>

namespace shop::common::mq {
namespace {

using namespace std::chrono_literals;
using Kind = Disposition::Kind;

const RetryPolicy kPolicy{.max_attempts = 6, .base = 1000ms, .cap = 5000ms};

TEST(RetryPolicyTest, DelaysDoubleUpToTheCap) {
  EXPECT_EQ(retry_delay(kPolicy, 1), 1000ms);
  EXPECT_EQ(retry_delay(kPolicy, 2), 2000ms);
  EXPECT_EQ(retry_delay(kPolicy, 3), 4000ms);
  EXPECT_EQ(retry_delay(kPolicy, 4), 5000ms);
  EXPECT_EQ(retry_delay(kPolicy, 5), 5000ms);
  EXPECT_EQ(retry_delay(kPolicy, 1000), 5000ms);  // no overflow far out
}

TEST(RetryPolicyTest, ListsEachDistinctDelayOnce) {
  EXPECT_EQ(retry_delays(kPolicy), (std::vector{1000ms, 2000ms, 4000ms, 5000ms}));
  EXPECT_EQ(retry_delays({.max_attempts = 3, .base = 100ms, .cap = 60000ms}),
            (std::vector{100ms, 200ms}));
  EXPECT_TRUE(retry_delays({.max_attempts = 1, .base = 100ms, .cap = 1000ms}).empty());
}

TEST(RetryPolicyTest, SuccessIsAcknowledged) {
  EXPECT_EQ(decide(kPolicy, Outcome::kSuccess, 1).kind, Kind::kAcknowledge);
  EXPECT_EQ(decide(kPolicy, Outcome::kSuccess, 6).kind, Kind::kAcknowledge);
}

TEST(RetryPolicyTest, RetriesWithTheScheduledDelayUntilTheLastAttempt) {
  for (int attempt = 1; attempt < kPolicy.max_attempts; ++attempt) {
    const Disposition disposition = decide(kPolicy, Outcome::kRetryLater, attempt);
    EXPECT_EQ(disposition.kind, Kind::kRetry) << attempt;
    EXPECT_EQ(disposition.delay, retry_delay(kPolicy, attempt)) << attempt;
  }
}

TEST(RetryPolicyTest, DeadLettersAfterMaxAttempts) {
  const Disposition disposition = decide(kPolicy, Outcome::kRetryLater, 6);
  EXPECT_EQ(disposition.kind, Kind::kDeadLetter);
  EXPECT_EQ(disposition.reason, "gave up after 6 attempts");
  EXPECT_EQ(decide(kPolicy, Outcome::kRetryLater, 9).kind, Kind::kDeadLetter);
}

TEST(RetryPolicyTest, RejectionGoesStraightToTheDeadLetterQueue) {
  const Disposition disposition = decide(kPolicy, Outcome::kReject, 1);
  EXPECT_EQ(disposition.kind, Kind::kDeadLetter);
  EXPECT_EQ(disposition.reason, "rejected by the handler");
}

TEST(RetryPolicyTest, MalformedMessagesAreDeadLettered) {
  const Disposition disposition = malformed("cloud event: id is missing");
  EXPECT_EQ(disposition.kind, Kind::kDeadLetter);
  EXPECT_EQ(disposition.reason, "malformed: cloud event: id is missing");
}

TEST(RetryPolicyTest, NormalisesUnusableSettings) {
  const RetryPolicy policy = normalised({.max_attempts = 0, .base = 0ms, .cap = -5ms});
  EXPECT_EQ(policy.max_attempts, 1);
  EXPECT_EQ(policy.base, 1ms);
  EXPECT_EQ(policy.cap, 1ms);
  // One attempt only: the first failure is final.
  EXPECT_EQ(decide({.max_attempts = 0}, Outcome::kRetryLater, 1).kind, Kind::kDeadLetter);
}

}  // namespace
}  // namespace shop::common::mq
