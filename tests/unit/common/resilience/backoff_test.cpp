#include "common/resilience/backoff.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <vector>

namespace shop::common::resilience {
namespace {

using std::chrono::milliseconds;

UniformRandom fixed(double value) {
  return [value] { return value; };
}

TEST(BackoffTest, CeilingDoublesUntilCap) {
  const Backoff backoff({.base = milliseconds(10), .cap = milliseconds(100), .max_attempts = 10},
                        fixed(0.5));
  EXPECT_EQ(backoff.ceiling(0), milliseconds(10));
  EXPECT_EQ(backoff.ceiling(1), milliseconds(20));
  EXPECT_EQ(backoff.ceiling(2), milliseconds(40));
  EXPECT_EQ(backoff.ceiling(3), milliseconds(80));
  EXPECT_EQ(backoff.ceiling(4), milliseconds(100));
  EXPECT_EQ(backoff.ceiling(1000), milliseconds(100));
}

TEST(BackoffTest, FullJitterScalesTheCeiling) {
  EXPECT_EQ(Backoff({.base = milliseconds(100), .cap = milliseconds(10'000)}, fixed(0.0)).delay(3),
            milliseconds(0));
  EXPECT_EQ(Backoff({.base = milliseconds(100), .cap = milliseconds(10'000)}, fixed(0.25)).delay(3),
            milliseconds(200));
  EXPECT_EQ(Backoff({.base = milliseconds(100), .cap = milliseconds(10'000)}, fixed(0.5)).delay(0),
            milliseconds(50));
}

TEST(BackoffTest, DelayStaysBelowCeilingEvenForBadRandomness) {
  const BackoffConfig config{.base = milliseconds(100), .cap = milliseconds(1000)};
  EXPECT_EQ(Backoff(config, fixed(1.0)).delay(0), milliseconds(99));
  EXPECT_EQ(Backoff(config, fixed(7.0)).delay(10), milliseconds(999));
  EXPECT_EQ(Backoff(config, fixed(-3.0)).delay(2), milliseconds(0));
}

TEST(BackoffTest, SequenceOfRandomValuesStaysWithinBounds) {
  std::vector<double> values{0.99, 0.01, 0.5, 0.75, 0.3, 0.999999};
  std::size_t next = 0;
  const Backoff backoff({.base = milliseconds(25), .cap = milliseconds(400), .max_attempts = 10},
                        [&] { return values[next++ % values.size()]; });
  for (int retry = 0; retry < 8; ++retry) {
    const milliseconds delay = backoff.delay(retry);
    EXPECT_GE(delay, milliseconds(0)) << "retry " << retry;
    EXPECT_LT(delay, backoff.ceiling(retry)) << "retry " << retry;
    EXPECT_LE(backoff.ceiling(retry), milliseconds(400));
  }
}

TEST(BackoffTest, RealRandomnessStaysWithinBounds) {
  const Backoff backoff({.base = milliseconds(10), .cap = milliseconds(300), .max_attempts = 5});
  for (int i = 0; i < 1000; ++i) {
    const int retry = i % 7;
    const milliseconds delay = backoff.delay(retry);
    ASSERT_GE(delay, milliseconds(0));
    ASSERT_LT(delay, backoff.ceiling(retry));
  }
}

TEST(BackoffTest, NextDelayStopsAtMaxAttempts) {
  const Backoff backoff({.base = milliseconds(10), .cap = milliseconds(1000), .max_attempts = 3},
                        fixed(0.5));
  EXPECT_EQ(backoff.next_delay(1), milliseconds(5));
  EXPECT_EQ(backoff.next_delay(2), milliseconds(10));
  EXPECT_EQ(backoff.next_delay(3), std::nullopt);
  EXPECT_EQ(backoff.next_delay(4), std::nullopt);
}

TEST(BackoffTest, SingleAttemptNeverRetries) {
  const Backoff backoff({.max_attempts = 1}, fixed(0.5));
  EXPECT_EQ(backoff.next_delay(1), std::nullopt);
}

TEST(BackoffTest, InvalidConfigIsRaisedToUsableValues) {
  const Backoff backoff({.base = milliseconds(0), .cap = milliseconds(-5), .max_attempts = 0},
                        fixed(0.5));
  EXPECT_EQ(backoff.config().base, milliseconds(1));
  EXPECT_EQ(backoff.config().cap, milliseconds(1));
  EXPECT_EQ(backoff.config().max_attempts, 1);
}

}  // namespace
}  // namespace shop::common::resilience
