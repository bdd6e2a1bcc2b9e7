#pragma once
// Serves a callback-API unary RPC with a coroutine on an Asio executor: no thread
// per call. The coroutine's Result becomes the response or the error status.

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

namespace shop::common::grpc_glue {

void record_server_call(std::string_view method, const grpc::Status& status,
                        std::chrono::steady_clock::time_point started);

// handler: (CallContext) -> boost::asio::awaitable<Result<Response>>
template <class Response, class Handler>
grpc::ServerUnaryReactor* serve_unary(std::string_view method, grpc::CallbackServerContext* context,
                                      Response* response, boost::asio::any_io_executor executor,
                                      Handler handler) {
  auto* reactor = context->DefaultReactor();
  const auto started = std::chrono::steady_clock::now();
  boost::asio::co_spawn(
      executor, handler(CallContext::from_server(*context)),
      [reactor, response, method, started](std::exception_ptr failure, Result<Response> result) {
        grpc::Status status;
        if (failure) {
          status = to_status(Error::internal("the call could not be completed"));
        } else if (!result) {
          status = to_status(result.error());
        } else {
          *response = std::move(*result);
        }
        record_server_call(method, status, started);
        reactor->Finish(status);
      });
  return reactor;
}

}  // namespace shop::common::grpc_glue
