#pragma once
// The gateway's rate-limit settings, read once from the environment (see README,
// Configuration) and shared read-only by every request.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "common/config/env_reader.hpp"
#include "middleware/redis_address.hpp"
#include "middleware/route_class.hpp"
#include "middleware/token_bucket.hpp"

namespace shop::gateway::middleware {

struct ClassLimits {
  BucketLimit auth = BucketLimit::per_minute(20);    // RATE_LIMIT_AUTH_PER_MINUTE
  BucketLimit write = BucketLimit::per_minute(600);  // RATE_LIMIT_WRITE_PER_MINUTE
  BucketLimit read = BucketLimit::per_minute(6000);  // RATE_LIMIT_READ_PER_MINUTE

  const BucketLimit& of(RouteClass route_class) const;
  bool operator==(const ClassLimits&) const = default;
};

struct RateLimitSettings {
  bool enabled = true;  // RATE_LIMIT_ENABLED
  ClassLimits limits;
  std::optional<RedisAddress> redis;            // REDIS_URL; none: per replica only
  std::chrono::milliseconds redis_timeout{50};  // RATE_LIMIT_REDIS_TIMEOUT_MS
  std::size_t redis_connections = 4;            // RATE_LIMIT_REDIS_CONNECTIONS
  std::size_t local_keys = 100'000;             // RATE_LIMIT_LOCAL_KEYS

  // Throws config::ConfigError naming every invalid variable.
  static RateLimitSettings from_env(
      const common::config::EnvLookup& lookup = common::config::process_env);
};

}  // namespace shop::gateway::middleware
