#pragma once
// What travels with every gRPC call as metadata: request id, trace context and the
// caller's identity (the access token the gateway verified), plus the deadline.

#include <chrono>
#include <string>

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
  // Copies the metadata and the earlier of `deadline` and now + timeout.
  void apply_to(grpc::ClientContext& context, std::chrono::milliseconds timeout) const;
};

}  // namespace shop::common::grpc_glue
