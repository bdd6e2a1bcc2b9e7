#include "common/grpc/generic_client.hpp"

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/support/byte_buffer.h>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "common/observability/metrics.hpp"
#include "common/observability/tracing.hpp"

namespace shop::common::grpc_glue {
namespace {

// Everything a call needs must outlive the coroutine frame's view of it: gRPC
// completes on its own thread.
struct PendingCall {
  grpc::ClientContext context;
  std::string method;
  grpc::ByteBuffer request;
  grpc::ByteBuffer response;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  obs::Span span;
};

// A client span fails on any status but OK: the call did not get its answer.
void finish_span(obs::Span& span, const grpc::Status& status) {
  span.set_attribute("rpc.grpc.status_code", static_cast<std::int64_t>(status.error_code()));
  if (!status.ok()) span.set_error(status.error_message());
  span.end();
}

std::string flatten(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  std::string out;
  if (!buffer.Dump(&slices).ok()) return out;
  out.reserve(buffer.Length());
  for (const auto& slice : slices)
    out.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  return out;
}

template <class Token>
auto async_unary(grpc::GenericStub& stub, const std::shared_ptr<PendingCall>& call, Token&& token) {
  return boost::asio::async_initiate<Token, void(GrpcReply)>(
      [&stub, call](auto handler) {
        auto shared_handler = std::make_shared<decltype(handler)>(std::move(handler));
        stub.UnaryCall(
            &call->context, call->method, grpc::StubOptions(), &call->request, &call->response,
            [call = call, shared_handler](const grpc::Status& status) mutable {
              GrpcReply reply{status, status.ok() ? flatten(call->response) : ""};
              const auto seconds =
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - call->started)
                      .count();
              obs::Metrics::instance().observe_grpc_client(call->method, status.error_code(),
                                                           seconds);
              finish_span(call->span, status);
              auto executor = boost::asio::get_associated_executor(*shared_handler);
              // The call (its ClientContext) goes with the answer: it is released on the
              // caller's executor before the caller resumes, never by gRPC's thread
              // after, when a process on its way out may have torn the library down
              // already.
              boost::asio::post(executor, [shared_handler, reply = std::move(reply),
                                           finished = std::move(call)]() mutable {
                finished.reset();
                (*shared_handler)(std::move(reply));
              });
            });
      },
      token);
}

}  // namespace

GenericClient::GenericClient(std::shared_ptr<grpc::Channel> channel)
    : channel_(std::move(channel)), stub_(std::make_unique<grpc::GenericStub>(channel_)) {}

GenericClient::~GenericClient() = default;

boost::asio::awaitable<GrpcReply> GenericClient::call(std::string method, std::string request,
                                                      const CallContext& context,
                                                      std::chrono::milliseconds timeout) {
  auto pending = std::make_shared<PendingCall>();
  pending->method = std::move(method);
  grpc::Slice slice(request);
  pending->request = grpc::ByteBuffer(&slice, 1);
  pending->span = start_rpc_span(obs::SpanKind::kClient, pending->method, context);
  // The callee's parent is this client span, not the caller's span.
  CallContext outgoing = context;
  outgoing.traceparent = obs::to_traceparent(pending->span.context());
  outgoing.apply_to(pending->context, timeout);
  co_return co_await async_unary(*stub_, pending, boost::asio::use_awaitable);
}

}  // namespace shop::common::grpc_glue
