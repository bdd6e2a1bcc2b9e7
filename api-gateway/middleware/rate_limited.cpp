#include "middleware/rate_limited.hpp"

#include "common/grpc/call_context.hpp"
#include "middleware/rate_limit_headers.hpp"
#include "middleware/rate_limit_key.hpp"
#include "middleware/rate_limit_metrics.hpp"

namespace shop::gateway::middleware {
namespace {

namespace http = common::http;

// The subject of a valid bearer token, or empty. A bad token spends its address's
// budget; the route itself then refuses it.
boost::asio::awaitable<std::string> user_id_of(const http::Request& request,
                                               const http::RequestContext& context,
                                               common::identity::Authenticator* authenticator) {
  if (authenticator == nullptr) co_return std::string();
  const auto token =
      common::identity::bearer_token(request[http::beast_http::field::authorization]);
  if (token.empty()) co_return std::string();
  common::grpc_glue::CallContext call;
  call.request_id = context.request_id;
  call.traceparent = common::obs::to_traceparent(context.trace);
  auto claims = co_await authenticator->verify(token, call);
  if (!claims) co_return std::string();
  co_return std::move(claims->subject);
}

}  // namespace

http::Handler with_rate_limit(http::Handler inner, std::shared_ptr<RateLimiter> limiter,
                              std::shared_ptr<common::identity::Authenticator> authenticator,
                              RouteClass route_class) {
  if (!limiter) return inner;
  return [inner = std::move(inner), limiter = std::move(limiter),
          authenticator = std::move(authenticator),
          route_class](const http::Request& request,
                       http::RequestContext& context) -> boost::asio::awaitable<http::Response> {
    std::string user_id;
    if (limited_per_user(route_class)) {
      user_id = co_await user_id_of(request, context, authenticator.get());
    }
    auto key = rate_limit_key(route_class, user_id, context.peer_address);
    const Decision decision = co_await limiter->admit(std::move(key), route_class);
    count_decision(route_class, decision.allowed);
    if (!decision.allowed) co_return too_many_requests(decision);
    http::Response response = co_await inner(request, context);
    set_rate_limit_headers(response, decision);
    co_return response;
  };
}

}  // namespace shop::gateway::middleware
