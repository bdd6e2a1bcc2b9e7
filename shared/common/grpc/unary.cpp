#include "common/grpc/unary.hpp"

#include <google/protobuf/descriptor.h>

#include <string>

#include "common/observability/metrics.hpp"

namespace shop::common::grpc_glue {
namespace {

// "/package.Service/Method" for the service in `response_type`'s file that has `method`
// returning that type; just `method` when there is none (the response type is shared
// from another file).
std::string full_method(std::string_view method, const google::protobuf::Descriptor* type) {
  const auto* file = type == nullptr ? nullptr : type->file();
  for (int i = 0; file != nullptr && i < file->service_count(); ++i) {
    const auto* rpc = file->service(i)->FindMethodByName(std::string(method));
    if (rpc != nullptr && rpc->output_type() == type) {
      return "/" + file->service(i)->full_name() + "/" + std::string(method);
    }
  }
  return std::string(method);
}

// OpenTelemetry's gRPC conventions: on the server, only codes that mean the server
// failed are errors; the rest are the caller's problem.
bool server_fault(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::UNKNOWN:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
    case grpc::StatusCode::UNIMPLEMENTED:
    case grpc::StatusCode::INTERNAL:
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::DATA_LOSS:
      return true;
    default:
      return false;
  }
}

}  // namespace

obs::Span start_server_span(std::string_view method,
                            const google::protobuf::Descriptor* response_type, CallContext& call) {
  // The name is worth the descriptor lookup only when a span will record it.
  const std::string name =
      obs::tracing_enabled() ? full_method(method, response_type) : std::string(method);
  auto span = start_rpc_span(obs::SpanKind::kServer, name, call);
  call.traceparent = obs::to_traceparent(span.context());
  return span;
}

void record_server_call(std::string_view method, const grpc::Status& status,
                        std::chrono::steady_clock::time_point started, obs::Span& span) {
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  obs::Metrics::instance().observe_grpc_server(method, status.error_code(), seconds);
  span.set_attribute("rpc.grpc.status_code", static_cast<std::int64_t>(status.error_code()));
  if (server_fault(status.error_code())) span.set_error(status.error_message());
  span.end();
}

}  // namespace shop::common::grpc_glue
