// Against a real Redis: SHOP_TEST_REDIS_URL (the local stack's, scripts/lib/redis.sh).
// Skipped when it is not set. Every test uses bucket keys of its own and deletes them.

#include <gtest/gtest.h>
#include <hiredis/hiredis.h>
#include <boost/asio/io_context.hpp>

#include <array>
#include <chrono>
#include <cstdlib>
#include <random>
#include <thread>
#include <vector>

#include "middleware/redis_bucket_script.hpp"
#include "middleware/redis_rate_limiter.hpp"
#include "support/io_runner.hpp"
#include "support/unique_names.hpp"

namespace shop::gateway::middleware {
namespace {

using std::chrono::milliseconds;

constexpr std::string_view kKeyPrefix = "shop:ratelimit:";
// Generous: these tests are about shared budgets, not about timeouts, and CI machines
// can be slow.
constexpr milliseconds kTimeout{2000};

class RedisRateLimitTest : public ::testing::Test {
 protected:
  static constexpr int kThreads = 4;

  void SetUp() override {
    const char* url = std::getenv("SHOP_TEST_REDIS_URL");
    if (url == nullptr || *url == '\0') {
      GTEST_SKIP() << "SHOP_TEST_REDIS_URL is not set: these tests need Redis, e.g. "
                      "redis://127.0.0.1:6379 (scripts/lib/redis.sh start)";
    }
    auto address = parse_redis_url(url);
    ASSERT_TRUE(address) << address.error().detail;
    address_ = *address;
    auto connection = RedisConnection::open(address_, kTimeout);
    ASSERT_TRUE(connection) << "no Redis at " << url << ": " << connection.error().detail;
    connection_.emplace(*std::move(connection));
  }

  void TearDown() override {
    if (!connection_) return;
    for (const auto& key : keys_) {
      const std::string full_key = std::string(kKeyPrefix) + key;
      redis({"DEL", full_key});
    }
  }

  // A bucket key of this test's own, deleted at the end.
  std::string bucket(std::string_view name) {
    keys_.push_back("test:" + std::string(name) + ":" + suffix_);
    return keys_.back();
  }

  RateLimitSettings settings(ClassLimits limits) const {
    RateLimitSettings settings;
    settings.limits = limits;
    settings.redis = address_;
    settings.redis_timeout = kTimeout;
    return settings;
  }

  RedisReply redis(std::initializer_list<std::string_view> args) {
    const std::vector<std::string_view> command(args);
    auto reply = connection_->command(command);
    EXPECT_TRUE(reply) << reply.error().detail;
    return reply ? *std::move(reply) : RedisReply{};
  }

  std::vector<Decision> admit_all(std::vector<boost::asio::awaitable<Decision>> calls) {
    return shop::testing::run_all(io_, kThreads, std::move(calls));
  }

  boost::asio::io_context io_;
  RedisAddress address_;
  std::optional<RedisConnection> connection_;

 private:
  std::string suffix_ = shop::testing::unique_suffix();
  std::vector<std::string> keys_;
};

TEST_F(RedisRateLimitTest, TwoReplicasShareOneBudget) {
  const auto config = settings({.write = BucketLimit::per_minute(5)});
  RedisRateLimiter replica_a(address_, config);
  RedisRateLimiter replica_b(address_, config);
  const auto key = bucket("write:user:shared");
  std::vector<Decision> decisions;
  for (int i = 0; i < 7; ++i) {
    auto& replica = i % 2 == 0 ? replica_a : replica_b;
    decisions.push_back(shop::testing::run_one(io_, 1, replica.admit(key, RouteClass::kWrite)));
  }
  for (int i = 0; i < 5; ++i) {
    EXPECT_TRUE(decisions[i].allowed) << "request " << i;
    EXPECT_EQ(decisions[i].remaining, 4 - i) << "request " << i;
    EXPECT_EQ(decisions[i].limit, 5);
  }
  EXPECT_FALSE(decisions[5].allowed);
  EXPECT_FALSE(decisions[6].allowed);
  EXPECT_GT(decisions[6].retry_after, milliseconds(0));
  EXPECT_LE(decisions[6].retry_after, milliseconds(12'000));
}

TEST_F(RedisRateLimitTest, ConcurrentRequestsOnTwoReplicasNeverOverspend) {
  const auto config = settings({.read = BucketLimit::per_minute(10)});
  RedisRateLimiter replica_a(address_, config);
  RedisRateLimiter replica_b(address_, config);
  const auto key = bucket("read:ip:crowd");
  std::vector<boost::asio::awaitable<Decision>> calls;
  for (int i = 0; i < 40; ++i) {
    auto& replica = i % 2 == 0 ? replica_a : replica_b;
    calls.push_back(replica.admit(key, RouteClass::kRead));
  }
  const auto decisions = admit_all(std::move(calls));
  const auto allowed = std::count_if(decisions.begin(), decisions.end(),
                                     [](const Decision& decision) { return decision.allowed; });
  EXPECT_EQ(allowed, 10);
}

TEST_F(RedisRateLimitTest, TheBucketRefills) {
  const BucketLimit fast{.capacity = 2, .tokens_per_period = 1, .period = milliseconds(300)};
  RedisRateLimiter limiter(address_, settings({.auth = fast}));
  const auto key = bucket("auth:ip:refill");
  auto admit = [&] {
    return shop::testing::run_one(io_, 1, limiter.admit(key, RouteClass::kAuth));
  };
  ASSERT_TRUE(admit().allowed);
  ASSERT_TRUE(admit().allowed);
  const auto refused = admit();
  ASSERT_FALSE(refused.allowed);
  EXPECT_GT(refused.retry_after, milliseconds(0));
  EXPECT_LE(refused.retry_after, milliseconds(300));
  std::this_thread::sleep_for(refused.retry_after + milliseconds(50));  // waiting for Redis's clock
  EXPECT_TRUE(admit().allowed);
}

TEST_F(RedisRateLimitTest, ABucketKeyLivesOnlyUntilItWouldBeFull) {
  RedisRateLimiter limiter(address_, settings({.read = BucketLimit::per_minute(60)}));
  const auto key = bucket("read:user:ttl");
  const auto decision = shop::testing::run_one(io_, 1, limiter.admit(key, RouteClass::kRead));
  ASSERT_TRUE(decision.allowed);
  EXPECT_EQ(decision.reset, milliseconds(1000));
  const std::string full_key = std::string(kKeyPrefix) + key;
  const auto ttl = redis({"PTTL", full_key});
  ASSERT_TRUE(ttl);
  ASSERT_EQ(ttl->type, REDIS_REPLY_INTEGER);
  EXPECT_GT(ttl->integer, 0);
  EXPECT_LE(ttl->integer, 1000);
}

// The script and take_token() must be the same rule: drive both with one clock.
TEST_F(RedisRateLimitTest, TheScriptAgreesWithTakeToken) {
  const std::array limits{
      BucketLimit::per_minute(20), BucketLimit::per_minute(6000),
      BucketLimit{.capacity = 3, .tokens_per_period = 7, .period = milliseconds(1000)},
      BucketLimit{.capacity = 1000, .tokens_per_period = 1, .period = std::chrono::hours(24)}};
  RedisBucketScript script;
  std::mt19937_64 random(7);
  // Far ahead of the real clock, so no key expires while the test runs.
  const std::int64_t start =
      std::chrono::duration_cast<milliseconds>(std::chrono::system_clock::now().time_since_epoch() +
                                               std::chrono::hours(1))
          .count();
  for (std::size_t i = 0; i < limits.size(); ++i) {
    const auto& limit = limits[i];
    const auto key = std::string(kKeyPrefix) + bucket("agree:" + std::to_string(i));
    BucketState model = BucketState::full(limit, start);
    std::int64_t now = start;
    for (int step = 0; step < 300; ++step) {
      const auto gap =
          static_cast<std::int64_t>(random() % 4 == 0 ? random() % 5000 : random() % 50);
      now += gap;
      const auto expected = take_token(model, limit, now);
      const auto actual = script.take(*connection_, key, limit, now);
      ASSERT_TRUE(actual) << actual.error().detail;
      ASSERT_EQ(*actual, expected) << "limit " << i << ", step " << step << ", now " << now;
    }
  }
}

TEST_F(RedisRateLimitTest, AScriptTheServerForgotIsSentAgain) {
  RedisBucketScript script;
  const auto key = std::string(kKeyPrefix) + bucket("write:user:flush");
  const auto limit = BucketLimit::per_minute(10);
  ASSERT_TRUE(script.take(*connection_, key, limit));
  redis({"SCRIPT", "FLUSH"});
  const auto after_flush = script.take(*connection_, key, limit);
  ASSERT_TRUE(after_flush) << after_flush.error().detail;
  EXPECT_EQ(after_flush->remaining, 8);
  const auto next = script.take(*connection_, key, limit);
  ASSERT_TRUE(next) << next.error().detail;
  EXPECT_EQ(next->remaining, 7);
}

}  // namespace
}  // namespace shop::gateway::middleware
