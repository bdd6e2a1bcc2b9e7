#include "middleware/rate_limit_headers.hpp"

#include <algorithm>
#include <string>

#include "common/http/responses.hpp"

namespace shop::gateway::middleware {
namespace {

// HTTP speaks whole seconds; rounding up never invites a client back too early.
std::int64_t whole_seconds(std::chrono::milliseconds duration) {
  return (std::max<std::int64_t>(duration.count(), 0) + 999) / 1000;
}

}  // namespace

void set_rate_limit_headers(common::http::Response& response, const Decision& decision) {
  response.set("RateLimit-Limit", std::to_string(decision.limit));
  response.set("RateLimit-Remaining", std::to_string(decision.remaining));
  response.set("RateLimit-Reset", std::to_string(whole_seconds(decision.reset)));
}

common::http::Response too_many_requests(const Decision& decision) {
  const auto retry_after = std::max<std::int64_t>(whole_seconds(decision.retry_after), 1);
  auto response = common::http::problem_response(
      common::Error::rate_limited("too many requests: at most " + std::to_string(decision.limit) +
                                  " in a burst for this client and kind of request; retry after " +
                                  std::to_string(retry_after) + " s"));
  response.set(common::http::beast_http::field::retry_after, std::to_string(retry_after));
  set_rate_limit_headers(response, decision);
  return response;
}

}  // namespace shop::gateway::middleware
