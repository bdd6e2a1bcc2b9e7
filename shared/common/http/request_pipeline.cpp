#include "common/http/request_pipeline.hpp"

#include <chrono>

#include "common/http/responses.hpp"
#include "common/observability/logger.hpp"
#include "common/observability/metrics.hpp"
#include "common/observability/tracing.hpp"

namespace shop::common::http {
namespace {

constexpr std::size_t kMaxRequestIdLength = 128;
constexpr std::string_view kUnmatchedRoute = "unmatched";
constexpr std::string_view kPreflightRoute = "preflight";

bool acceptable_request_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxRequestIdLength) return false;
  for (char c : id) {
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

RequestContext make_context(const Request& request, const obs::Span& span) {
  RequestContext context;
  const auto incoming_id = request["X-Request-ID"];
  context.request_id =
      acceptable_request_id(incoming_id) ? std::string(incoming_id) : obs::new_request_id();
  context.trace = span.context();
  return context;
}

// "GET /api/v1/products/{id}"; only the method when no route matched, as OpenTelemetry's
// HTTP conventions ask, so that span names never carry raw paths. Not built when tracing
// is off: nothing would read it.
obs::Span start_span(const Request& request, const Router::Match& match) {
  std::string name;
  if (obs::tracing_enabled()) {
    name = request.method_string();
    if (match.kind == Router::Match::Kind::kFound) name.append(" ").append(match.pattern);
  }
  const auto parent = obs::parse_traceparent(request["traceparent"]);
  obs::Span span = obs::Span::start_server(name, parent ? &*parent : nullptr);
  span.set_attribute("http.request.method", request.method_string());
  if (match.kind == Router::Match::Kind::kFound) span.set_attribute("http.route", match.pattern);
  return span;
}

void stamp(Response& response, const RequestContext& context) {
  response.set("X-Request-ID", context.request_id);
  response.set("traceparent", obs::to_traceparent(context.trace));
}

std::string_view path_of(std::string_view target) { return target.substr(0, target.find('?')); }

Error routing_error(Router::Match::Kind kind, const Request& request) {
  const std::string what =
      std::string(request.method_string()) + " " + std::string(path_of(request.target()));
  if (kind == Router::Match::Kind::kMethodNotAllowed) {
    return {ErrorCode::kMethodNotAllowed, "method not allowed: " + what, {}};
  }
  return Error::not_found("no such resource: " + what);
}

}  // namespace

boost::asio::awaitable<Response> RequestPipeline::handle(const Request& request,
                                                         std::string peer_address) const {
  const auto started = std::chrono::steady_clock::now();
  auto match = router_.match(request.method(), path_of(request.target()));
  obs::Span span = start_span(request, match);
  RequestContext context = make_context(request, span);
  context.peer_address = std::move(peer_address);
  Response response;
  const bool preflight = cors_ && CorsPolicy::is_preflight(request);
  if (preflight) {
    // No route serves OPTIONS, so the match lists every method the path serves.
    context.route = std::string(kPreflightRoute);
    response = match.kind == Router::Match::Kind::kNotFound
                   ? problem_response(routing_error(match.kind, request))
                   : cors_->preflight(request, match.allowed);
  } else if (match.kind == Router::Match::Kind::kFound) {
    context.route = std::string(match.pattern);
    context.path_params = std::move(match.params);
    try {
      response = co_await (*match.handler)(request, context);
    } catch (const std::exception& e) {
      span.set_error(e.what());
      obs::error("handler failed", {{"route", context.route},
                                    {"error", e.what()},
                                    {"request_id", context.request_id},
                                    {"trace_id", context.trace.trace_id}});
      response = problem_response(Error::internal("the request could not be completed"));
    }
  } else {
    context.route = std::string(kUnmatchedRoute);
    response = problem_response(routing_error(match.kind, request));
    if (!match.allowed.empty()) response.set(beast_http::field::allow, method_list(match.allowed));
  }
  if (cors_ && !preflight) cors_->decorate(request, response);
  response.version(request.version());
  stamp(response, context);
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const int status = static_cast<int>(response.result_int());
  obs::Metrics::instance().observe_http(request.method_string(), context.route, status, seconds);
  span.set_attribute("http.response.status_code", std::int64_t{status});
  if (status >= 500) {
    span.set_error();
    obs::warn("request failed", {{"method", std::string(request.method_string())},
                                 {"route", context.route},
                                 {"status", status},
                                 {"request_id", context.request_id},
                                 {"trace_id", context.trace.trace_id},
                                 {"span_id", context.trace.span_id}});
  }
  co_return response;
}

Response RequestPipeline::reject(const Error& error) const {
  Response response = problem_response(error);
  RequestContext context;
  context.request_id = obs::new_request_id();
  context.trace = obs::new_root();
  stamp(response, context);
  obs::Metrics::instance().observe_http("UNKNOWN", kUnmatchedRoute,
                                        static_cast<int>(response.result_int()), 0.0);
  return response;
}

}  // namespace shop::common::http
