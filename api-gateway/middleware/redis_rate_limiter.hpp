#pragma once
// The limiter every gateway replica shares: buckets live in Redis and are taken by one
// atomic script (redis_bucket_script.hpp). hiredis blocks, so calls run on a small
// thread pool of the limiter's own, one pooled connection per thread, each bounded by
// a short timeout; the I/O threads only await them.
//
// It fails open: when Redis cannot answer in time, the request is decided by
// in-process buckets (local_rate_limiter.hpp), the failure is counted and logged, and a
// circuit breaker keeps further requests off Redis for a second at a time until it
// answers again, so an outage costs no latency.

#include <boost/asio/thread_pool.hpp>

#include <chrono>
#include <optional>
#include <string>

#include "common/resilience/circuit_breaker.hpp"
#include "common/resilience/clock.hpp"
#include "middleware/local_rate_limiter.hpp"
#include "middleware/rate_limit_settings.hpp"
#include "middleware/rate_limiter.hpp"
#include "middleware/redis_bucket_script.hpp"
#include "middleware/redis_connection_pool.hpp"

namespace shop::gateway::middleware {

class RedisRateLimiter final : public RateLimiter {
 public:
  // No I/O here: the first request connects.
  RedisRateLimiter(const RedisAddress& address, const RateLimitSettings& settings,
                   const common::resilience::Clock& clock = common::resilience::system_clock());
  // Waits for the calls in flight, each bounded by the timeout.
  ~RedisRateLimiter() override;
  RedisRateLimiter(const RedisRateLimiter&) = delete;
  RedisRateLimiter& operator=(const RedisRateLimiter&) = delete;

  // RateLimiter
  boost::asio::awaitable<Decision> admit(std::string key, RouteClass route_class) override;

 private:
  // Runs on threads_.
  Decision decide(const std::string& key, RouteClass route_class,
                  common::resilience::Clock::TimePoint deadline);
  // kDeadlineExceeded without asking Redis once `deadline` has passed: the call waited
  // in the queue for its whole timeout, and asking now would only make the request slower
  // than the limit is worth.
  common::Result<Decision> take_from_redis(const std::string& key, const BucketLimit& limit,
                                           common::resilience::Clock::TimePoint deadline);
  Decision fall_back(const std::string& key, RouteClass route_class);

  const ClassLimits limits_;
  const std::chrono::milliseconds timeout_;
  const common::resilience::Clock& clock_;
  RedisConnectionPool connections_;
  RedisBucketScript script_;
  LocalRateLimiter fallback_;
  common::resilience::CircuitBreaker breaker_;
  // Last: destroyed (joined) first, while the members its calls use still exist.
  boost::asio::thread_pool threads_;
};

}  // namespace shop::gateway::middleware
