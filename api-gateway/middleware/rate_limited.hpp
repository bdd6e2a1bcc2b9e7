#pragma once
// The rate-limit middleware: wraps a route's handler so that each request first spends
// a token of its client's bucket for the route's class, and is answered 429 when the
// bucket is empty. Every answer carries the RateLimit headers.

#include <memory>

#include "common/http/types.hpp"
#include "common/identity/authenticator.hpp"
#include "middleware/rate_limiter.hpp"
#include "middleware/route_class.hpp"

namespace shop::gateway::middleware {

// Per-user classes key by the subject of a valid bearer token, checked with
// `authenticator`, and by the peer address otherwise (see rate_limit_key.hpp); a null
// `authenticator` keys every request by its address. A null `limiter` means rate
// limiting is off: `inner` comes back unchanged.
common::http::Handler with_rate_limit(
    common::http::Handler inner, std::shared_ptr<RateLimiter> limiter,
    std::shared_ptr<common::identity::Authenticator> authenticator, RouteClass route_class);

}  // namespace shop::gateway::middleware
