// The Redis limiter without a working Redis: nothing listening, or a server that never
// answers. Needs no server, but talks to sockets, so it runs with the integration tests.

#include <gtest/gtest.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <chrono>

#include "middleware/redis_rate_limiter.hpp"
#include "rate_limit_counters.hpp"
#include "support/io_runner.hpp"

namespace shop::gateway::middleware {
namespace {

namespace asio = boost::asio;
using std::chrono::milliseconds;
using tcp = asio::ip::tcp;

constexpr std::string_view kBackendErrors = "shop_gateway_rate_limit_backend_errors_total";
constexpr std::string_view kFallbacks = "shop_gateway_rate_limit_fallback_decisions_total";

class RedisDownTest : public ::testing::Test {
 protected:
  RateLimitSettings settings(milliseconds timeout) const {
    RateLimitSettings settings;
    settings.limits = {.auth = BucketLimit::per_minute(3), .read = BucketLimit::per_minute(1000)};
    settings.redis_timeout = timeout;
    return settings;
  }

  Decision admit(RedisRateLimiter& limiter, const std::string& key, RouteClass route_class) {
    return shop::testing::run_one(io_, 1, limiter.admit(key, route_class));
  }

  // A port nothing listens on: bound once, then released.
  static std::uint16_t closed_port() {
    asio::io_context io;
    tcp::acceptor acceptor(io, {asio::ip::make_address("127.0.0.1"), 0});
    return acceptor.local_endpoint().port();
  }

  asio::io_context io_;
};

TEST_F(RedisDownTest, NothingListeningFailsOpenToBucketsInThisProcess) {
  const double errors_before = testing::counter_value(kBackendErrors);
  const double fallbacks_before = testing::counter_value(kFallbacks);
  RedisRateLimiter limiter({.host = "127.0.0.1", .port = closed_port()},
                           settings(milliseconds(200)));
  for (int i = 0; i < 3; ++i) {
    const auto decision = admit(limiter, "auth:ip:down", RouteClass::kAuth);
    EXPECT_TRUE(decision.allowed) << "request " << i;
    EXPECT_EQ(decision.remaining, 2 - i);
  }
  // Still limited, by this replica alone.
  EXPECT_FALSE(admit(limiter, "auth:ip:down", RouteClass::kAuth).allowed);
  EXPECT_TRUE(admit(limiter, "auth:ip:other", RouteClass::kAuth).allowed);
  EXPECT_GE(testing::counter_value(kBackendErrors), errors_before + 1);
  EXPECT_EQ(testing::counter_value(kFallbacks), fallbacks_before + 5);
}

// Connections to it complete (the kernel queues them) but nothing ever answers.
TEST_F(RedisDownTest, ARedisThatHangsCostsAFewTimeoutsThenIsSkipped) {
  asio::io_context listener_io;
  tcp::acceptor silent(listener_io, {asio::ip::make_address("127.0.0.1"), 0});
  constexpr milliseconds kTimeout{100};
  constexpr int kRequests = 40;
  RedisRateLimiter limiter({.host = "127.0.0.1", .port = silent.local_endpoint().port()},
                           settings(kTimeout));
  const auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < kRequests; ++i) {
    EXPECT_TRUE(admit(limiter, "read:ip:hang", RouteClass::kRead).allowed) << "request " << i;
  }
  const auto elapsed = std::chrono::steady_clock::now() - started;
  // Without the breaker every request would wait for the timeout (4 s in all); with it,
  // three do and the rest skip Redis until the breaker's next probe a second later.
  EXPECT_LT(elapsed, kTimeout * kRequests / 2);
}

}  // namespace
}  // namespace shop::gateway::middleware
