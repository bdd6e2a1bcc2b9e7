#pragma once
// What callers of another service's unary methods depend on: one client for one address
// (GenericClient), or a balanced pool of a service's instances (balancing/instance_pool).

#include <grpcpp/support/status.h>
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <string>

#include "common/grpc/call_context.hpp"

namespace shop::common::grpc_glue {

struct GrpcReply {
  grpc::Status status;
  std::string body;  // the serialized response message when status is OK
};

class UnaryCaller {
 public:
  virtual ~UnaryCaller() = default;

  // method: "/package.Service/Method"
  virtual boost::asio::awaitable<GrpcReply> call(std::string method, std::string request,
                                                 const CallContext& context,
                                                 std::chrono::milliseconds timeout) = 0;
};

}  // namespace shop::common::grpc_glue
