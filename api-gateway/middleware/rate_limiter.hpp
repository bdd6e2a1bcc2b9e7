#pragma once
// Decides whether a request may spend one token of a bucket. Implementations: the
// Redis-backed limiter shared by every gateway replica (redis_rate_limiter.hpp) and the
// in-process one (local_rate_limiter.hpp).

#include <boost/asio/awaitable.hpp>

#include <string>

#include "middleware/route_class.hpp"
#include "middleware/token_bucket.hpp"

namespace shop::gateway::middleware {

class RateLimiter {
 public:
  virtual ~RateLimiter() = default;

  // Takes a token from `key`'s bucket, sized by the class's limit. Never fails: a
  // limiter that cannot reach its store decides some other way (fails open).
  virtual boost::asio::awaitable<Decision> admit(std::string key, RouteClass route_class) = 0;
};

}  // namespace shop::gateway::middleware
