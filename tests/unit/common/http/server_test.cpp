#include "common/http/server.hpp"

#include <gtest/gtest.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json/parse.hpp>

#include <future>
#include <thread>

#include "common/http/responses.hpp"

namespace shop::common::http {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// A server on a free loopback port, served by a background thread for one test.
class ServerFixture : public ::testing::Test {
 protected:
  void start(Router router, const ServerConfig& config = {}) {
    server_ = std::make_unique<Server>(io_, config, std::move(router));
    port_ = server_->start();
    thread_ = std::thread([this] { io_.run(); });
  }

  void TearDown() override {
    if (server_ && !server_->draining()) shutdown().get();
    io_.stop();
    if (thread_.joinable()) thread_.join();
  }

  std::future<void> shutdown() {
    return asio::co_spawn(io_, server_->shutdown(), asio::use_future);
  }

  tcp::socket connect() {
    tcp::socket socket(client_io_);
    socket.connect({asio::ip::make_address("127.0.0.1"), port_});
    return socket;
  }

  static Response exchange(tcp::socket& socket, Request request) {
    request.prepare_payload();
    beast_http::write(socket, request);
    boost::beast::flat_buffer buffer;
    Response response;
    beast_http::read(socket, buffer, response);
    return response;
  }

  asio::io_context io_;
  asio::io_context client_io_;
  std::unique_ptr<Server> server_;
  std::uint16_t port_ = 0;
  std::thread thread_;
};

Handler ok_handler() {
  return [](const Request&, RequestContext& context) -> asio::awaitable<Response> {
    co_return json_response(Status::ok, boost::json::object{{"route", context.route}});
  };
}

TEST_F(ServerFixture, KeepAliveServesSeveralRequestsOnOneConnection) {
  Router router;
  router.add(Verb::get, "/ping", ok_handler());
  start(std::move(router));
  auto socket = connect();
  for (int i = 0; i < 3; ++i) {
    Request request{Verb::get, "/ping", 11};
    request.set("X-Request-ID", "req-" + std::to_string(i));
    const auto response = exchange(socket, request);
    EXPECT_EQ(response.result(), Status::ok);
    EXPECT_TRUE(response.keep_alive());
    EXPECT_EQ(response["X-Request-ID"], "req-" + std::to_string(i));
  }
}

TEST_F(ServerFixture, HandlersSeeThePeerAddressNotXForwardedFor) {
  Router router;
  router.add(Verb::get, "/peer",
             [](const Request&, RequestContext& context) -> asio::awaitable<Response> {
               co_return json_response(Status::ok, context.peer_address);
             });
  start(std::move(router));
  auto socket = connect();
  Request request{Verb::get, "/peer", 11};
  request.set("X-Forwarded-For", "198.51.100.1");
  EXPECT_EQ(exchange(socket, request).body(), "127.0.0.1");
}

TEST_F(ServerFixture, EveryResponseCarriesAChildTraceparent) {
  Router router;
  router.add(Verb::get, "/ping", ok_handler());
  start(std::move(router));
  auto socket = connect();
  Request request{Verb::get, "/ping", 11};
  request.set("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
  const auto response = exchange(socket, request);
  const std::string traceparent(response["traceparent"]);
  ASSERT_EQ(traceparent.size(), 55u);
  EXPECT_EQ(traceparent.substr(3, 32), "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_NE(traceparent.substr(36, 16), "00f067aa0ba902b7");
  EXPECT_FALSE(response["X-Request-ID"].empty());
}

TEST_F(ServerFixture, UnknownRouteAndWrongMethodAreProblems) {
  Router router;
  router.add(Verb::get, "/ping", ok_handler());
  start(std::move(router));
  auto socket = connect();
  const auto missing = exchange(socket, Request{Verb::get, "/nope", 11});
  EXPECT_EQ(missing.result(), Status::not_found);
  EXPECT_EQ(missing[beast_http::field::content_type], "application/problem+json");
  const auto wrong_method = exchange(socket, Request{Verb::delete_, "/ping", 11});
  EXPECT_EQ(wrong_method.result(), Status::method_not_allowed);
  EXPECT_EQ(wrong_method[beast_http::field::allow], "GET");
}

TEST_F(ServerFixture, OversizedBodyIsRejectedWith413) {
  Router router;
  router.add(Verb::post, "/echo", ok_handler());
  start(std::move(router), ServerConfig{.max_body_bytes = 1024});
  auto socket = connect();
  Request request{Verb::post, "/echo", 11};
  request.body() = std::string(4096, 'x');
  const auto response = exchange(socket, request);
  EXPECT_EQ(response.result(), Status::payload_too_large);
  EXPECT_FALSE(response.keep_alive());
  const auto body = boost::json::parse(response.body()).as_object();
  EXPECT_EQ(body.at("status").as_int64(), 413);
}

// A control character in a header value, a request line that is no HTTP/1.1, a
// Content-Length that is no number: each answered with a problem, not a closed socket.
TEST_F(ServerFixture, MalformedRequestsAreAnsweredWith400) {
  Router router;
  router.add(Verb::get, "/ping", ok_handler());
  start(std::move(router));
  const std::string control_character = "X-Test: 0\x1f";
  for (const std::string& raw :
       {"GET /ping HTTP/1.1\r\nHost: a\r\n" + control_character + "\r\n\r\n",
        std::string("GET /ping HTTP/9\r\nHost: a\r\n\r\n"),
        std::string("POST /ping HTTP/1.1\r\nHost: a\r\nContent-Length: x\r\n\r\n")}) {
    auto socket = connect();
    asio::write(socket, asio::buffer(raw));
    boost::beast::flat_buffer buffer;
    Response response;
    beast_http::read(socket, buffer, response);
    EXPECT_EQ(response.result(), Status::bad_request) << raw;
    EXPECT_EQ(response[beast_http::field::content_type], "application/problem+json");
    EXPECT_FALSE(response.keep_alive());
    EXPECT_FALSE(response["X-Request-ID"].empty());
    const auto body = boost::json::parse(response.body()).as_object();
    EXPECT_EQ(body.at("status").as_int64(), 400);
  }
}

TEST_F(ServerFixture, HandlerExceptionBecomesInternalError) {
  Router router;
  router.add(Verb::get, "/boom", [](const Request&, RequestContext&) -> asio::awaitable<Response> {
    throw std::runtime_error("boom");
    co_return Response{};
  });
  start(std::move(router));
  auto socket = connect();
  const auto response = exchange(socket, Request{Verb::get, "/boom", 11});
  EXPECT_EQ(response.result(), Status::internal_server_error);
  EXPECT_EQ(response.body().find("boom"), std::string::npos) << "internal details must not leak";
}

TEST_F(ServerFixture, ShutdownLetsTheInFlightRequestFinishAndClosesIdleOnes) {
  std::promise<void> entered;
  auto release = std::make_shared<asio::steady_timer>(io_, asio::steady_timer::time_point::max());
  Router router;
  router.add(Verb::get, "/slow",
             [&entered, release](const Request&, RequestContext&) -> asio::awaitable<Response> {
               entered.set_value();
               co_await release->async_wait(asio::as_tuple(asio::use_awaitable));
               co_return json_response(Status::ok, boost::json::object{{"done", true}});
             });
  router.add(Verb::get, "/ping", ok_handler());
  start(std::move(router));

  auto idle = connect();
  EXPECT_EQ(exchange(idle, Request{Verb::get, "/ping", 11}).result(), Status::ok);

  auto busy = connect();
  Request slow{Verb::get, "/slow", 11};
  slow.prepare_payload();
  beast_http::write(busy, slow);
  entered.get_future().get();

  auto drained = shutdown();
  asio::post(io_, [release] { release->cancel(); });
  boost::beast::flat_buffer buffer;
  Response response;
  beast_http::read(busy, buffer, response);
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_FALSE(response.keep_alive());
  drained.get();

  boost::beast::error_code ec;
  char byte;
  idle.read_some(asio::buffer(&byte, 1), ec);
  EXPECT_TRUE(ec) << "the idle keep-alive connection must be closed";
  tcp::socket late(client_io_);
  late.connect({asio::ip::make_address("127.0.0.1"), port_}, ec);
  EXPECT_TRUE(ec) << "no new connections after shutdown";
}

}  // namespace
}  // namespace shop::common::http
