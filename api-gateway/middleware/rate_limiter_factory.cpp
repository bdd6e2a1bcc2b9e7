#include "middleware/rate_limiter_factory.hpp"

#include "common/observability/logger.hpp"
#include "middleware/local_rate_limiter.hpp"
#include "middleware/redis_rate_limiter.hpp"

namespace shop::gateway::middleware {

std::shared_ptr<RateLimiter> make_rate_limiter(const RateLimitSettings& settings) {
  if (!settings.enabled) {
    common::obs::info("rate limiting is off (RATE_LIMIT_ENABLED)");
    return nullptr;
  }
  const boost::json::object limits{{"auth_per_minute", settings.limits.auth.capacity},
                                   {"write_per_minute", settings.limits.write.capacity},
                                   {"read_per_minute", settings.limits.read.capacity}};
  if (!settings.redis) {
    common::obs::info("rate limiting per replica (REDIS_URL is empty)", limits);
    return std::make_shared<LocalRateLimiter>(settings.limits, settings.local_keys);
  }
  auto fields = limits;
  fields["redis"] = settings.redis->host + ":" + std::to_string(settings.redis->port);
  common::obs::info("rate limiting shared through redis", fields);
  return std::make_shared<RedisRateLimiter>(*settings.redis, settings);
}

}  // namespace shop::gateway::middleware
