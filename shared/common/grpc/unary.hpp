#pragma once
// Serves a callback-API unary RPC with a coroutine on an Asio executor: no thread
// per call. The coroutine's Result becomes the response or the error status. Each call
// is a server span in the caller's trace.

#include <grpcpp/server_context.h>
#include <grpcpp/support/server_callback.h>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>

#include <chrono>
#include <exception>
#include <string_view>

#include "common/errors.hpp"
#include "common/grpc/call_context.hpp"
#include "common/grpc/status.hpp"
#include "common/observability/tracing.hpp"

namespace google::protobuf {
class Descriptor;
}  // namespace google::protobuf

namespace shop::common::grpc_glue {

// The call's server span, a child of the caller's. `call` then carries this span, so the
// calls its handler makes are children of it. The response type's .proto file supplies
// the service name that `method` alone lacks.
obs::Span start_server_span(std::string_view method,
                            const google::protobuf::Descriptor* response_type, CallContext& call);
// Metrics for the call, and the span's outcome; ends the span.
void record_server_call(std::string_view method, const grpc::Status& status,
                        std::chrono::steady_clock::time_point started, obs::Span& span);

// handler: (CallContext) -> boost::asio::awaitable<Result<Response>>
template <class Response, class Handler>
grpc::ServerUnaryReactor* serve_unary(std::string_view method, grpc::CallbackServerContext* context,
                                      Response* response, boost::asio::any_io_executor executor,
                                      Handler handler) {
  auto* reactor = context->DefaultReactor();
  const auto started = std::chrono::steady_clock::now();
  auto call = CallContext::from_server(*context);
  auto span = start_server_span(method, Response::descriptor(), call);
  auto finish = [reactor, response, method, started, span = std::move(span)](
                    const std::exception_ptr& failure, Result<Response> result) mutable {
    grpc::Status status;
    if (failure) {
      status = to_status(Error::internal("the call could not be completed"));
    } else if (!result) {
      status = to_status(result.error());
    } else {
      *response = std::move(*result);
    }
    record_server_call(method, status, started, span);
    reactor->Finish(status);
  };
  boost::asio::co_spawn(executor, handler(std::move(call)), std::move(finish));
  return reactor;
}

}  // namespace shop::common::grpc_glue
