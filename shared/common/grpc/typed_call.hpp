#pragma once
// A unary call with typed messages over any UnaryCaller: the request serialized, the
// answer parsed, a non-OK status turned into the shared error model.

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <string>

#include "common/errors.hpp"
#include "common/grpc/status.hpp"
#include "common/grpc/unary_caller.hpp"

namespace shop::common::grpc_glue {

template <class Response, class Request>
boost::asio::awaitable<Result<Response>> call_unary(UnaryCaller& client, std::string method,
                                                    const Request& request,
                                                    const CallContext& context,
                                                    std::chrono::milliseconds timeout) {
  std::string body = request.SerializeAsString();
  std::string name = method;
  GrpcReply reply = co_await client.call(std::move(name), std::move(body), context, timeout);
  if (!reply.status.ok()) co_return from_status(reply.status);
  Response response;
  if (!response.ParseFromString(reply.body)) {
    co_return Error::internal("unreadable answer from " + method);
  }
  co_return response;
}

}  // namespace shop::common::grpc_glue
