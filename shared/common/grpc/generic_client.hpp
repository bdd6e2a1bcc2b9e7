#pragma once
// Unary gRPC calls by method name with serialized messages, awaited from a coroutine.
// The gateway uses it to forward transcoded requests; typed callers wrap it.

#include <grpcpp/support/status.h>
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <memory>
#include <string>

#include "common/grpc/call_context.hpp"
#include "common/grpc/unary_caller.hpp"

namespace grpc {
class Channel;
class ByteBuffer;
template <class RequestType, class ResponseType>
class TemplatedGenericStub;
}  // namespace grpc

namespace shop::common::grpc_glue {

class GenericClient final : public UnaryCaller {
 public:
  explicit GenericClient(std::shared_ptr<grpc::Channel> channel);
  ~GenericClient();

  // UnaryCaller
  boost::asio::awaitable<GrpcReply> call(std::string method, std::string request,
                                         const CallContext& context,
                                         std::chrono::milliseconds timeout) override;

 private:
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<grpc::TemplatedGenericStub<grpc::ByteBuffer, grpc::ByteBuffer>> stub_;
};

}  // namespace shop::common::grpc_glue
