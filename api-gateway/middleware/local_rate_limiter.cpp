#include "middleware/local_rate_limiter.hpp"

namespace shop::gateway::middleware {
namespace {

std::int64_t millis_since_epoch(const common::resilience::Clock& clock) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(clock.now().time_since_epoch())
      .count();
}

}  // namespace

LocalRateLimiter::LocalRateLimiter(ClassLimits limits, std::size_t max_keys,
                                   const common::resilience::Clock& clock)
    : limits_(limits), max_keys_(max_keys == 0 ? 1 : max_keys), clock_(clock) {}

boost::asio::awaitable<Decision> LocalRateLimiter::admit(std::string key, RouteClass route_class) {
  co_return admit_now(key, route_class);
}

Decision LocalRateLimiter::admit_now(const std::string& key, RouteClass route_class) {
  const auto& limit = limits_.of(route_class);
  const auto now_ms = millis_since_epoch(clock_);
  std::lock_guard lock(mutex_);
  return take_token(bucket_for(key, limit, now_ms), limit, now_ms);
}

std::size_t LocalRateLimiter::size() const {
  std::lock_guard lock(mutex_);
  return by_key_.size();
}

BucketState& LocalRateLimiter::bucket_for(const std::string& key, const BucketLimit& limit,
                                          std::int64_t now_ms) {
  if (const auto found = by_key_.find(key); found != by_key_.end()) {
    recency_.splice(recency_.begin(), recency_, found->second);
    return found->second->state;
  }
  if (by_key_.size() >= max_keys_) {
    by_key_.erase(recency_.back().key);
    recency_.pop_back();
  }
  recency_.push_front(Bucket{key, BucketState::full(limit, now_ms)});
  by_key_.emplace(recency_.front().key, recency_.begin());
  return recency_.front().state;
}

}  // namespace shop::gateway::middleware
