#include "common/grpc/call_context.hpp"

#include <grpcpp/client_context.h>
#include <grpcpp/server_context.h>

#include <algorithm>

namespace shop::common::grpc_glue {
namespace {

constexpr const char* kRequestIdKey = "x-request-id";
constexpr const char* kTraceparentKey = "traceparent";
constexpr const char* kAuthorizationKey = "authorization";
constexpr std::string_view kBearerPrefix = "Bearer ";

std::string metadata_value(const grpc::CallbackServerContext& context, const char* key) {
  const auto& metadata = context.client_metadata();
  const auto found = metadata.find(key);
  return found == metadata.end() ? std::string()
                                 : std::string(found->second.data(), found->second.size());
}

}  // namespace

CallContext CallContext::from_server(const grpc::CallbackServerContext& context) {
  CallContext call;
  call.request_id = metadata_value(context, kRequestIdKey);
  call.traceparent = metadata_value(context, kTraceparentKey);
  const auto authorization = metadata_value(context, kAuthorizationKey);
  if (authorization.starts_with(kBearerPrefix))
    call.bearer_token = authorization.substr(kBearerPrefix.size());
  call.deadline = context.deadline();
  return call;
}

std::optional<obs::TraceContext> CallContext::trace() const {
  return obs::parse_traceparent(traceparent);
}

void CallContext::apply_to(grpc::ClientContext& context, std::chrono::milliseconds timeout) const {
  if (!request_id.empty()) context.AddMetadata(kRequestIdKey, request_id);
  if (!traceparent.empty()) context.AddMetadata(kTraceparentKey, traceparent);
  if (!bearer_token.empty())
    context.AddMetadata(kAuthorizationKey, std::string(kBearerPrefix) + bearer_token);
  const auto hop_deadline = std::chrono::system_clock::now() + timeout;
  context.set_deadline(std::min(deadline, hop_deadline));
}

obs::Span start_rpc_span(obs::SpanKind kind, std::string_view method, const CallContext& call) {
  const std::string_view name = method.starts_with('/') ? method.substr(1) : method;
  const auto parent = call.trace();
  auto span = obs::Span::start(kind, name, parent ? &*parent : nullptr);
  if (!span.recording()) return span;
  span.set_attribute("rpc.system", "grpc");
  const auto slash = name.rfind('/');
  if (slash == std::string_view::npos) {
    span.set_attribute("rpc.method", name);
  } else {
    span.set_attribute("rpc.service", name.substr(0, slash));
    span.set_attribute("rpc.method", name.substr(slash + 1));
  }
  return span;
}

}  // namespace shop::common::grpc_glue
