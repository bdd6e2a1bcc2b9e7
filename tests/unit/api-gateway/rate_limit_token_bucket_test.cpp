#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "middleware/token_bucket.hpp"

namespace shop::gateway::middleware {
namespace {

using std::chrono::milliseconds;

constexpr std::int64_t kStart = 1'000'000;

// Limits of different shapes: the defaults, one per minute, and a fast one whose refill
// does not divide a second evenly.
std::vector<BucketLimit> sample_limits() {
  return {BucketLimit::per_minute(20),
          BucketLimit::per_minute(600),
          BucketLimit::per_minute(6000),
          BucketLimit::per_minute(1),
          BucketLimit{.capacity = 3, .tokens_per_period = 7, .period = milliseconds(1000)},
          BucketLimit{.capacity = 1, .tokens_per_period = 1, .period = milliseconds(1)}};
}

TEST(TokenBucketTest, AFullBucketAllowsItsCapacityThenRefuses) {
  const auto limit = BucketLimit::per_minute(20);
  auto state = BucketState::full(limit, kStart);
  for (std::int64_t i = 1; i <= 20; ++i) {
    const auto decision = take_token(state, limit, kStart);
    ASSERT_TRUE(decision.allowed) << "request " << i;
    EXPECT_EQ(decision.limit, 20);
    EXPECT_EQ(decision.remaining, 20 - i);
    EXPECT_EQ(decision.retry_after, milliseconds(0));
    EXPECT_EQ(decision.reset, milliseconds(3000 * i));
  }
  const auto refused = take_token(state, limit, kStart);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.remaining, 0);
  EXPECT_EQ(refused.retry_after, milliseconds(3000));  // 20 per minute: one every 3 s
  EXPECT_EQ(refused.reset, milliseconds(60'000));
}

TEST(TokenBucketTest, ATokenComesBackExactlyAfterItsShareOfThePeriod) {
  const auto limit = BucketLimit::per_minute(20);
  BucketState state{.units = 0, .updated_ms = kStart};
  EXPECT_FALSE(take_token(state, limit, kStart + 2999).allowed);
  const auto decision = take_token(state, limit, kStart + 3000);
  EXPECT_TRUE(decision.allowed);
  EXPECT_EQ(decision.remaining, 0);
  EXPECT_FALSE(take_token(state, limit, kStart + 3000).allowed);
}

TEST(TokenBucketTest, RetryAfterOfARefusalIsExact) {
  for (const auto& limit : sample_limits()) {
    std::mt19937_64 random(42);
    auto state = BucketState::full(limit, kStart);
    std::int64_t now = kStart;
    for (int step = 0; step < 2000; ++step) {
      now += static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(limit.period.count()));
      auto decision = take_token(state, limit, now);
      if (decision.allowed) continue;
      ASSERT_GT(decision.retry_after.count(), 0);
      auto early = state;
      EXPECT_FALSE(take_token(early, limit, now + decision.retry_after.count() - 1).allowed)
          << "capacity " << limit.capacity << " at step " << step;
      auto on_time = state;
      EXPECT_TRUE(take_token(on_time, limit, now + decision.retry_after.count()).allowed)
          << "capacity " << limit.capacity << " at step " << step;
    }
  }
}

TEST(TokenBucketTest, ResetIsWhenTheBucketIsFullAgain) {
  for (const auto& limit : sample_limits()) {
    auto untouched = BucketState::full(limit, kStart);
    const auto from_full = take_token(untouched, limit, kStart);
    auto state = BucketState::full(limit, kStart);
    const auto decision = take_token(state, limit, kStart);
    ASSERT_TRUE(decision.allowed);
    auto early = state;
    EXPECT_NE(take_token(early, limit, kStart + decision.reset.count() - 1), from_full)
        << "capacity " << limit.capacity;
    auto on_time = state;
    EXPECT_EQ(take_token(on_time, limit, kStart + decision.reset.count()), from_full)
        << "capacity " << limit.capacity;
  }
}

// A client asking as fast as it can (until refused, every millisecond) gets exactly the
// burst plus what the refill earned so far, never a request more or less.
TEST(TokenBucketTest, GreedyDemandGetsBurstPlusRefillExactly) {
  for (const auto& limit : sample_limits()) {
    auto state = BucketState::full(limit, kStart);
    std::int64_t allowed = 0;
    const std::int64_t span = 3 * limit.period.count() + 17;
    for (std::int64_t t = 0; t <= span; ++t) {
      while (take_token(state, limit, kStart + t).allowed) ++allowed;
      const std::int64_t earned = t * limit.tokens_per_period / limit.period.count();
      ASSERT_EQ(allowed, limit.capacity + earned) << "capacity " << limit.capacity << " t " << t;
    }
  }
}

TEST(TokenBucketTest, RefillStopsAtCapacity) {
  const auto limit = BucketLimit::per_minute(600);
  BucketState state{.units = 0, .updated_ms = kStart};
  const auto decision = take_token(state, limit, kStart + 3'600'000);
  EXPECT_TRUE(decision.allowed);
  EXPECT_EQ(decision.remaining, 599);
  EXPECT_EQ(state.units, limit.capacity_units() - limit.units_per_token());
}

TEST(TokenBucketTest, DecadesOfIdlenessDoNotOverflow) {
  const auto limit = BucketLimit::per_minute(10'000'000);
  BucketState state{.units = 0, .updated_ms = 0};
  const auto decision = take_token(state, limit, std::int64_t{1} << 52);
  EXPECT_TRUE(decision.allowed);
  EXPECT_EQ(decision.remaining, 10'000'000 - 1);
}

TEST(TokenBucketTest, TimeRunningBackwardsNeitherRefillsNorRewinds) {
  const auto limit = BucketLimit::per_minute(20);
  BucketState state{.units = 0, .updated_ms = kStart};
  EXPECT_FALSE(take_token(state, limit, kStart - 60'000).allowed);
  EXPECT_EQ(state.updated_ms, kStart);
  EXPECT_TRUE(take_token(state, limit, kStart + 3000).allowed);
}

TEST(TokenBucketTest, ALoweredLimitClampsAFullerBucket) {
  const auto before = BucketLimit::per_minute(100);
  const auto after = BucketLimit::per_minute(10);
  auto state = BucketState::full(before, kStart);
  const auto decision = take_token(state, after, kStart + 1);
  EXPECT_TRUE(decision.allowed);
  EXPECT_EQ(decision.remaining, 9);
}

TEST(TokenBucketTest, PerMinuteHasABurstOfTheSameSize) {
  const auto limit = BucketLimit::per_minute(600);
  EXPECT_EQ(limit.capacity, 600);
  EXPECT_EQ(limit.tokens_per_period, 600);
  EXPECT_EQ(limit.period, std::chrono::minutes(1));
}

}  // namespace
}  // namespace shop::gateway::middleware
