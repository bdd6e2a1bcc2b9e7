#include "middleware/redis_rate_limiter.hpp"

#include "common/observability/logger.hpp"
#include "common/runtime/blocking.hpp"
#include "middleware/rate_limit_metrics.hpp"

namespace shop::gateway::middleware {
namespace {

namespace resilience = common::resilience;

// Every bucket key in Redis starts with this, so the limiter's keys are easy to find
// and never collide with another user of the same server.
constexpr std::string_view kKeyPrefix = "shop:ratelimit:";

// A few failures in a row open the breaker; then one probe a second finds out whether
// Redis is back. Failure rates are not used: any failure is a real outage here.
resilience::CircuitBreakerConfig breaker_config() {
  return {.consecutive_failures = 3,
          .failure_rate = 0,
          .open_duration = std::chrono::seconds(1),
          .half_open_probes = 1};
}

std::string describe(const RedisAddress& address) {
  return address.host + ":" + std::to_string(address.port);
}

resilience::CircuitBreaker::StateListener log_outages(std::string redis) {
  return [redis = std::move(redis)](resilience::BreakerState from, resilience::BreakerState to) {
    if (from == resilience::BreakerState::kClosed && to == resilience::BreakerState::kOpen) {
      common::obs::warn(
          "rate limit store unreachable: each replica limits on its own until it "
          "answers again",
          {{"redis", redis}});
    } else if (to == resilience::BreakerState::kClosed) {
      common::obs::info("rate limit store answers again", {{"redis", redis}});
    }
  };
}

}  // namespace

RedisRateLimiter::RedisRateLimiter(const RedisAddress& address, const RateLimitSettings& settings,
                                   const resilience::Clock& clock)
    : limits_(settings.limits),
      timeout_(settings.redis_timeout),
      clock_(clock),
      connections_(address, settings.redis_timeout, settings.redis_connections),
      fallback_(settings.limits, settings.local_keys, clock),
      breaker_(breaker_config(), clock, log_outages(describe(address))),
      threads_(settings.redis_connections) {}

RedisRateLimiter::~RedisRateLimiter() { threads_.join(); }

boost::asio::awaitable<Decision> RedisRateLimiter::admit(std::string key, RouteClass route_class) {
  // A call still queued when its time is up skips Redis (see take_from_redis).
  const auto deadline = clock_.now() + timeout_;
  auto decide_off_the_io_thread = [this, key = std::move(key), route_class, deadline] {
    return decide(key, route_class, deadline);
  };
  co_return co_await common::runtime::run_blocking(threads_, std::move(decide_off_the_io_thread));
}

Decision RedisRateLimiter::decide(const std::string& key, RouteClass route_class,
                                  resilience::Clock::TimePoint deadline) {
  if (!breaker_.allow()) return fall_back(key, route_class);
  auto decision = take_from_redis(key, limits_.of(route_class), deadline);
  if (decision) {
    breaker_.record_success();
    return *decision;
  }
  if (breaker_.state() == resilience::BreakerState::kClosed) {
    common::obs::warn("rate limit store call failed", {{"redis", describe(connections_.address())},
                                                       {"error", decision.error().detail}});
  }
  breaker_.record_failure();
  count_backend_error();
  return fall_back(key, route_class);
}

common::Result<Decision> RedisRateLimiter::take_from_redis(const std::string& key,
                                                           const BucketLimit& limit,
                                                           resilience::Clock::TimePoint deadline) {
  if (clock_.now() > deadline) {
    return common::Error::deadline_exceeded("queued past the timeout, Redis not asked");
  }
  auto lease = connections_.acquire();
  if (!lease) return lease.error();
  return script_.take(lease->connection(), std::string(kKeyPrefix) + key, limit);
}

Decision RedisRateLimiter::fall_back(const std::string& key, RouteClass route_class) {
  count_fallback_decision();
  return fallback_.admit_now(key, route_class);
}

}  // namespace shop::gateway::middleware
