#include "routing/proxy_handler.hpp"

#include "common/grpc/status.hpp"
#include "common/http/responses.hpp"
#include "common/observability/logger.hpp"
#include "routing/json_body.hpp"
#include "routing/transcoder.hpp"

namespace shop::gateway::routing {
namespace {

using common::Error;
using common::http::Response;
namespace http = common::http;

constexpr std::string_view kAdminRole = "admin";

// Transport failures are reported in the gateway's words, not gRPC's.
Error upstream_error(const grpc::Status& status, const std::string& upstream) {
  if (status.error_code() == grpc::StatusCode::UNAVAILABLE ||
      status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED) {
    common::obs::warn(
        "upstream call failed",
        {{"upstream", upstream}, {"code", status.error_code()}, {"error", status.error_message()}});
  }
  switch (status.error_code()) {
    case grpc::StatusCode::UNAVAILABLE:
      return Error::unavailable(upstream + " is unavailable");
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return Error::deadline_exceeded(upstream + " did not answer in time");
    default:
      return common::grpc_glue::from_status(status);
  }
}

boost::asio::awaitable<common::Result<void>> authorize(const Route& route, const ProxyDeps& deps,
                                                       common::grpc_glue::CallContext& call) {
  if (route.rule.access() == api::ACCESS_PUBLIC) co_return common::Result<void>{};
  auto claims = co_await deps.authenticator->verify(call.bearer_token, call);
  if (!claims) co_return claims.error();
  if (route.rule.access() == api::ACCESS_ADMIN && !claims->has_role(kAdminRole)) {
    co_return Error::forbidden("this action needs the admin role");
  }
  co_return common::Result<void>{};
}

Response success(const Route& route, DecodedResponse decoded) {
  if (decoded.accepted) return http::json_response(http::Status::accepted, std::move(decoded.json));
  const int status = route.rule.success_status() == 0 ? 200 : route.rule.success_status();
  if (status == 204) return http::empty_response(http::Status::no_content);
  return http::json_response(static_cast<http::Status>(status), std::move(decoded.json));
}

// The path placeholders, then the headers the route copies into its request.
std::unordered_map<std::string, std::string> named_fields(const Route& route,
                                                          const http::Request& request,
                                                          const http::RequestContext& context) {
  auto fields = context.path_params;
  for (const auto& [header, field] : route.header_fields) {
    const auto value = request[header];
    if (!value.empty()) fields.insert_or_assign(field, std::string(value));
  }
  return fields;
}

}  // namespace

http::Handler make_proxy_handler(Route route, ProxyDeps deps) {
  return [route = std::move(route), deps = std::move(deps)](
             const http::Request& request,
             http::RequestContext& context) -> boost::asio::awaitable<Response> {
    common::grpc_glue::CallContext call;
    call.request_id = context.request_id;
    call.traceparent = common::obs::to_traceparent(context.trace);
    call.bearer_token = std::string(
        common::identity::bearer_token(request[http::beast_http::field::authorization]));
    if (auto allowed = co_await authorize(route, deps, call); !allowed) {
      co_return http::problem_response(allowed.error());
    }
    if (route.rule.access() == api::ACCESS_PUBLIC) call.bearer_token.clear();
    if (route.rule.body() && !request.body().empty()) {
      auto media_type = check_json_media_type(request[http::beast_http::field::content_type]);
      if (!media_type) co_return http::problem_response(media_type.error());
    }
    const auto fields = named_fields(route, request, context);
    auto encoded = encode_request(route, request.body(), fields, request.target());
    if (!encoded) co_return http::problem_response(encoded.error());
    // Reads may run twice, so only they are tried again on another instance.
    common::grpc_glue::GrpcReply reply;
    if (route.verb == http::Verb::get) {
      reply = co_await deps.upstream->call_idempotent(route.grpc_method, std::move(*encoded), call,
                                                      deps.timeout);
    } else {
      reply =
          co_await deps.upstream->call(route.grpc_method, std::move(*encoded), call, deps.timeout);
    }
    if (!reply.status.ok())
      co_return http::problem_response(upstream_error(reply.status, route.upstream));
    auto message = parse_response(route, reply.body);
    if (!message) co_return http::problem_response(message.error());
    if (deps.enrich) co_await deps.enrich(**message, call);
    auto json = render_response(route, **message);
    if (!json) co_return http::problem_response(json.error());
    co_return success(route, std::move(*json));
  };
}

}  // namespace shop::gateway::routing
