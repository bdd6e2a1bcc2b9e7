#pragma once
// The limiter the settings ask for: none when rate limiting is off, Redis-backed when a
// REDIS_URL is set, in-process buckets otherwise.

#include <memory>

#include "middleware/rate_limit_settings.hpp"
#include "middleware/rate_limiter.hpp"

namespace shop::gateway::middleware {

// Null when settings.enabled is false (with_rate_limit then leaves handlers alone).
std::shared_ptr<RateLimiter> make_rate_limiter(const RateLimitSettings& settings);

}  // namespace shop::gateway::middleware
