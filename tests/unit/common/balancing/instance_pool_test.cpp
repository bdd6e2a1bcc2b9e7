// The pool against real gRPC servers on loopback that answer any method and count the
// calls they got.

#include "common/balancing/instance_pool.hpp"

#include <grpcpp/generic/async_generic_service.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

namespace shop::common::balancing {
namespace {

namespace asio = boost::asio;
using std::chrono::milliseconds;

constexpr const char* kAnyMethod = "/test.Echo/Call";

// Answers every method with an empty message and counts the calls.
class CountingService final : public grpc::CallbackGenericService {
 public:
  std::atomic<int> calls{0};

  grpc::ServerGenericBidiReactor* CreateReactor(grpc::GenericCallbackServerContext*) override {
    ++calls;
    class Reactor final : public grpc::ServerGenericBidiReactor {
     public:
      Reactor() { StartRead(&request_); }
      void OnReadDone(bool) override {
        grpc::Slice empty("");
        response_ = grpc::ByteBuffer(&empty, 1);
        StartWriteAndFinish(&response_, {}, grpc::Status::OK);
      }
      void OnDone() override { delete this; }

     private:
      grpc::ByteBuffer request_;
      grpc::ByteBuffer response_;
    };
    return new Reactor();
  }
};

// A server on a port of its own that answers any method.
class EchoServer {
 public:
  EchoServer() {
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port_);
    builder.RegisterCallbackGenericService(&service_);
    server_ = builder.BuildAndStart();
  }
  ~EchoServer() { server_->Shutdown(); }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
  int calls() const { return service_.calls.load(); }

 private:
  int port_ = 0;
  CountingService service_;
  std::unique_ptr<grpc::Server> server_;
};

// A loopback address where nothing listens (a port that was just free).
std::string dead_address() {
  int port = 0;
  {
    CountingService service;
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
    builder.RegisterCallbackGenericService(&service);
    auto server = builder.BuildAndStart();
    server->Shutdown();
  }
  return "127.0.0.1:" + std::to_string(port);
}

grpc_glue::GrpcReply run(asio::io_context& io, asio::awaitable<grpc_glue::GrpcReply> call) {
  auto future = asio::co_spawn(io, std::move(call), asio::use_future);
  io.restart();
  io.run();
  return future.get();
}

class InstancePoolTest : public ::testing::Test {
 protected:
  grpc_glue::GrpcReply check(InstancePool& pool, bool idempotent) {
    grpc_glue::CallContext context;
    if (idempotent) {
      return run(io_, pool.call_idempotent(kAnyMethod, "", context, milliseconds(2000)));
    }
    return run(io_, pool.call(kAnyMethod, "", context, milliseconds(2000)));
  }

  asio::io_context io_;
};

TEST_F(InstancePoolTest, AnswersFromALiveInstance) {
  EchoServer server;
  InstancePool pool({.upstream = "echo"}, {{"a", server.address()}});
  const auto reply = check(pool, false);
  EXPECT_TRUE(reply.status.ok()) << reply.status.error_message();
}

TEST_F(InstancePoolTest, SpreadsCallsOverInstances) {
  EchoServer first;
  EchoServer second;
  InstancePool pool({.upstream = "echo"}, {{"a", first.address()}, {"b", second.address()}});
  for (int i = 0; i < 100; ++i) ASSERT_TRUE(check(pool, false).status.ok());
  // Sequential calls leave nothing in flight, so the draw alone decides: about half each.
  EXPECT_GT(first.calls(), 25);
  EXPECT_GT(second.calls(), 25);
}

TEST_F(InstancePoolTest, IdempotentCallsMoveToTheLiveInstance) {
  EchoServer live;
  InstancePool pool({.upstream = "echo"}, {{"dead", dead_address()}, {"live", live.address()}});
  for (int i = 0; i < 20; ++i) {
    const auto reply = check(pool, true);
    EXPECT_TRUE(reply.status.ok()) << i << ": " << reply.status.error_message();
  }
}

TEST_F(InstancePoolTest, ADeadInstancesBreakerOpensAndCallsStopGoingThere) {
  EchoServer live;
  InstancePool pool({.upstream = "echo"}, {{"dead", dead_address()}, {"live", live.address()}});
  int failures = 0;
  for (int i = 0; i < 60; ++i) failures += check(pool, false).status.ok() ? 0 : 1;
  // At most the breaker's consecutive-failure threshold reached the dead instance.
  EXPECT_LE(failures, 5);
  EXPECT_TRUE(check(pool, false).status.ok());
}

TEST_F(InstancePoolTest, NoInstanceIsUnavailableNamingTheUpstream) {
  InstancePool empty({.upstream = "nobody"}, {});
  const auto reply = check(empty, true);
  EXPECT_EQ(reply.status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_NE(reply.status.error_message().find("nobody"), std::string::npos);

  InstancePool dead({.upstream = "gone"}, {{"x", dead_address()}});
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(check(dead, true).status.error_code(), grpc::StatusCode::UNAVAILABLE);
  EXPECT_LT(std::chrono::steady_clock::now() - started, milliseconds(2000));
}

TEST_F(InstancePoolTest, UpdatesKeepListedInstancesAndDropTheRest) {
  EchoServer first;
  EchoServer second;
  InstancePool pool({.upstream = "echo"}, {{"a", first.address()}});
  pool.update({{"a", first.address()}, {"b", second.address()}});
  EXPECT_EQ(pool.instances().size(), 2U);
  pool.update({{"b", second.address()}});
  ASSERT_EQ(pool.instances().size(), 1U);
  EXPECT_EQ(pool.instances()[0].id, "b");
  EXPECT_TRUE(check(pool, false).status.ok());
}

}  // namespace
}  // namespace shop::common::balancing
