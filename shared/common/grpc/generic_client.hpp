#pragma once
// Unary gRPC calls by method name with serialized messages, awaited from a coroutine.
// The gateway uses it to forward transcoded requests; typed callers wrap it.

#include <grpcpp/support/status.h>
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <memory>
#include <string>

#include "common/grpc/call_context.hpp"

namespace grpc {
class Channel;
class ByteBuffer;
template <class RequestType, class ResponseType>
class TemplatedGenericStub;
}  // namespace grpc

namespace shop::common::grpc_glue {

struct GrpcReply {
  grpc::Status status;
  std::string body;  // the serialized response message when status is OK
};

class GenericClient {
 public:
  explicit GenericClient(std::shared_ptr<grpc::Channel> channel);
  ~GenericClient();

  // method: "/package.Service/Method"
  boost::asio::awaitable<GrpcReply> call(std::string method, std::string request,
                                         const CallContext& context,
                                         std::chrono::milliseconds timeout);

 private:
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<grpc::TemplatedGenericStub<grpc::ByteBuffer, grpc::ByteBuffer>> stub_;
};

}  // namespace shop::common::grpc_glue
