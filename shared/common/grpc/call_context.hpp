#pragma once
// What travels with every gRPC call as metadata: request id, trace context and the
// caller's identity (the access token the gateway verified), plus the deadline.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "common/observability/tracing.hpp"

namespace grpc {
class ClientContext;
class CallbackServerContext;
}  // namespace grpc

namespace shop::common::grpc_glue {

struct CallContext {
  std::string request_id;
  std::string traceparent;
  std::string bearer_token;  // empty when anonymous
  std::chrono::system_clock::time_point deadline = std::chrono::system_clock::time_point::max();

  static CallContext from_server(const grpc::CallbackServerContext& context);
  // The caller's span, from `traceparent`; nullopt when that is absent or malformed.
  std::optional<obs::TraceContext> trace() const;
  // Copies the metadata and the earlier of `deadline` and now + timeout.
  void apply_to(grpc::ClientContext& context, std::chrono::milliseconds timeout) const;
};

// A span for one RPC in the trace `call` carries, named as OpenTelemetry's conventions
// ask: "package.Service/Method" for method "/package.Service/Method", with rpc.* attributes.
obs::Span start_rpc_span(obs::SpanKind kind, std::string_view method, const CallContext& call);

}  // namespace shop::common::grpc_glue
