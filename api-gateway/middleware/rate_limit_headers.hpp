#pragma once
// How a decision shows in a response: the RateLimit-Limit, RateLimit-Remaining and
// RateLimit-Reset headers (draft-ietf-httpapi-ratelimit-headers) on every answer, and
// for a refused request a 429 problem+json with Retry-After.

#include "common/http/types.hpp"
#include "middleware/token_bucket.hpp"

namespace shop::gateway::middleware {

void set_rate_limit_headers(common::http::Response& response, const Decision& decision);

// 429 with Retry-After (whole seconds, at least 1) and the RateLimit headers.
common::http::Response too_many_requests(const Decision& decision);

}  // namespace shop::gateway::middleware
