#include <gtest/gtest.h>
#include <boost/asio/io_context.hpp>

#include "common/resilience/fake_clock.hpp"
#include "middleware/local_rate_limiter.hpp"
#include "support/io_runner.hpp"

namespace shop::gateway::middleware {
namespace {

ClassLimits small_limits() {
  return {.auth = BucketLimit::per_minute(2),
          .write = BucketLimit::per_minute(3),
          .read = BucketLimit::per_minute(60)};
}

void spend(LocalRateLimiter& limiter, const std::string& key, RouteClass route_class, int times) {
  for (int i = 0; i < times; ++i) {
    ASSERT_TRUE(limiter.admit_now(key, route_class).allowed) << key << " request " << i;
  }
}

TEST(LocalRateLimiterTest, EachKeyHasItsOwnBucketSizedByItsClass) {
  common::resilience::FakeClock clock;
  LocalRateLimiter limiter(small_limits(), 100, clock);
  spend(limiter, "auth:ip:a", RouteClass::kAuth, 2);
  EXPECT_FALSE(limiter.admit_now("auth:ip:a", RouteClass::kAuth).allowed);
  spend(limiter, "auth:ip:b", RouteClass::kAuth, 2);
  spend(limiter, "write:ip:a", RouteClass::kWrite, 3);
  EXPECT_FALSE(limiter.admit_now("write:ip:a", RouteClass::kWrite).allowed);
  EXPECT_EQ(limiter.admit_now("read:ip:a", RouteClass::kRead).limit, 60);
}

TEST(LocalRateLimiterTest, BucketsRefillWithTheClock) {
  common::resilience::FakeClock clock;
  LocalRateLimiter limiter(small_limits(), 100, clock);
  spend(limiter, "auth:ip:a", RouteClass::kAuth, 2);
  const auto refused = limiter.admit_now("auth:ip:a", RouteClass::kAuth);
  ASSERT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after, std::chrono::seconds(30));
  clock.advance(std::chrono::seconds(29));
  EXPECT_FALSE(limiter.admit_now("auth:ip:a", RouteClass::kAuth).allowed);
  clock.advance(std::chrono::seconds(1));
  EXPECT_TRUE(limiter.admit_now("auth:ip:a", RouteClass::kAuth).allowed);
}

TEST(LocalRateLimiterTest, TheLeastRecentlyUsedBucketIsForgottenFirst) {
  common::resilience::FakeClock clock;
  LocalRateLimiter limiter(small_limits(), 2, clock);
  spend(limiter, "auth:ip:a", RouteClass::kAuth, 2);
  spend(limiter, "auth:ip:b", RouteClass::kAuth, 2);
  EXPECT_FALSE(limiter.admit_now("auth:ip:a", RouteClass::kAuth).allowed);  // a is newest now
  spend(limiter, "auth:ip:c", RouteClass::kAuth, 1);                        // b goes
  EXPECT_EQ(limiter.size(), 2u);
  EXPECT_FALSE(limiter.admit_now("auth:ip:a", RouteClass::kAuth).allowed);  // a kept its state
  EXPECT_EQ(limiter.size(), 2u);
  spend(limiter, "auth:ip:b", RouteClass::kAuth, 2);  // b starts over with a full bucket
  EXPECT_EQ(limiter.size(), 2u);
}

TEST(LocalRateLimiterTest, AdmitAwaitsTheSameDecision) {
  common::resilience::FakeClock clock;
  LocalRateLimiter limiter(small_limits(), 100, clock);
  boost::asio::io_context io;
  const auto first = shop::testing::run_one(io, 1, limiter.admit("auth:ip:a", RouteClass::kAuth));
  EXPECT_TRUE(first.allowed);
  EXPECT_EQ(first.remaining, 1);
  EXPECT_EQ(limiter.admit_now("auth:ip:a", RouteClass::kAuth).remaining, 0);
}

}  // namespace
}  // namespace shop::gateway::middleware
