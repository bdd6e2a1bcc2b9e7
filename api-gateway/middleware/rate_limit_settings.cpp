#include "middleware/rate_limit_settings.hpp"

#include <string>
#include <vector>

namespace shop::gateway::middleware {
namespace {

constexpr std::string_view kDefaultRedisUrl = "redis://127.0.0.1:6379";
constexpr std::int64_t kMaxPerMinute = 10'000'000;

BucketLimit per_minute(common::config::EnvReader& env, std::string_view name,
                       const BucketLimit& fallback) {
  return BucketLimit::per_minute(env.integer(name, fallback.capacity, 1, kMaxPerMinute));
}

// Set but empty means "no Redis", unlike EnvReader::string, whose empty means "default".
std::optional<RedisAddress> redis_address(const common::config::EnvLookup& lookup,
                                          std::vector<std::string>& problems) {
  const auto url = lookup("REDIS_URL").value_or(std::string(kDefaultRedisUrl));
  if (url.empty()) return std::nullopt;
  auto address = parse_redis_url(url);
  if (!address) {
    problems.push_back("REDIS_URL: " + address.error().detail);
    return std::nullopt;
  }
  return *std::move(address);
}

}  // namespace

const BucketLimit& ClassLimits::of(RouteClass route_class) const {
  switch (route_class) {
    case RouteClass::kAuth:
      return auth;
    case RouteClass::kWrite:
      return write;
    case RouteClass::kRead:
      return read;
  }
  return read;
}

RateLimitSettings RateLimitSettings::from_env(const common::config::EnvLookup& lookup) {
  common::config::EnvReader env(lookup);
  std::vector<std::string> problems;
  RateLimitSettings settings;
  settings.enabled = env.flag("RATE_LIMIT_ENABLED", settings.enabled);
  auto& limits = settings.limits;
  limits.auth = per_minute(env, "RATE_LIMIT_AUTH_PER_MINUTE", limits.auth);
  limits.write = per_minute(env, "RATE_LIMIT_WRITE_PER_MINUTE", limits.write);
  limits.read = per_minute(env, "RATE_LIMIT_READ_PER_MINUTE", limits.read);
  settings.redis = redis_address(lookup, problems);
  settings.redis_timeout = env.millis("RATE_LIMIT_REDIS_TIMEOUT_MS", settings.redis_timeout);
  settings.redis_connections = static_cast<std::size_t>(
      env.integer("RATE_LIMIT_REDIS_CONNECTIONS",
                  static_cast<std::int64_t>(settings.redis_connections), 1, 64));
  settings.local_keys = static_cast<std::size_t>(env.integer(
      "RATE_LIMIT_LOCAL_KEYS", static_cast<std::int64_t>(settings.local_keys), 1, 10'000'000));
  auto env_problems = env.errors();
  problems.insert(problems.begin(), env_problems.begin(), env_problems.end());
  if (!problems.empty()) throw common::config::ConfigError(std::move(problems));
  return settings;
}

}  // namespace shop::gateway::middleware
