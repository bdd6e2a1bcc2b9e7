#pragma once
// Token buckets in this process's memory: the limiter when no Redis is configured, and
// the one the Redis limiter falls back on while Redis cannot answer (then each replica
// enforces the limit on its own). At most `max_keys` buckets are kept; the least
// recently used one is forgotten first, which costs nothing but a full bucket for a
// client that has been quiet the longest.
//
// Thread-safe.

#include <cstddef>
#include <list>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/resilience/clock.hpp"
#include "middleware/rate_limit_settings.hpp"
#include "middleware/rate_limiter.hpp"

namespace shop::gateway::middleware {

class LocalRateLimiter final : public RateLimiter {
 public:
  LocalRateLimiter(ClassLimits limits, std::size_t max_keys,
                   const common::resilience::Clock& clock = common::resilience::system_clock());

  // RateLimiter
  boost::asio::awaitable<Decision> admit(std::string key, RouteClass route_class) override;

  // admit() without the coroutine, for callers already off the I/O threads.
  Decision admit_now(const std::string& key, RouteClass route_class);

  std::size_t size() const;

 private:
  struct Bucket {
    std::string key;
    BucketState state;
  };
  using Recency = std::list<Bucket>;  // most recently used first

  BucketState& bucket_for(const std::string& key, const BucketLimit& limit, std::int64_t now_ms);

  const ClassLimits limits_;
  const std::size_t max_keys_;
  const common::resilience::Clock& clock_;
  mutable std::mutex mutex_;
  Recency recency_;
  // Keys view the strings inside recency_'s nodes, which never move.
  std::unordered_map<std::string_view, Recency::iterator> by_key_;
};

}  // namespace shop::gateway::middleware
