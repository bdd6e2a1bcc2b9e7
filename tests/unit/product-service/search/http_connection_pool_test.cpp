// The pool against a small HTTP server on a free loopback port, which can answer
// normally, close every connection after answering (as a server does with idle
// keep-alive connections), or never answer at all.

#include <gtest/gtest.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <atomic>
#include <optional>

#include "search/http_connection_pool.hpp"

namespace shop::product::search {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using asio::ip::tcp;
using common::http::Request;
using common::http::Response;
using std::chrono::milliseconds;

enum class Mode { kKeepAlive, kCloseAfterAnswer, kConnectionCloseHeader, kNeverAnswer };

struct ServerState {
  Mode mode = Mode::kKeepAlive;
  std::atomic<int> connections{0};
  std::atomic<int> requests{0};
};

asio::awaitable<void> serve_connection(tcp::socket socket, std::shared_ptr<ServerState> state) {
  beast::flat_buffer buffer;
  while (true) {
    Request request;
    auto [read_ec, read] = co_await beast::http::async_read(socket, buffer, request,
                                                            asio::as_tuple(asio::use_awaitable));
    if (read_ec) co_return;
    ++state->requests;
    if (state->mode == Mode::kNeverAnswer) {
      // Holds the connection open without answering until the client gives up.
      asio::steady_timer forever(socket.get_executor(), std::chrono::hours(1));
      (void)co_await forever.async_wait(asio::as_tuple(asio::use_awaitable));
      co_return;
    }
    Response response{beast::http::status::ok, 11};
    response.body() = "echo " + std::string(request.target());
    response.keep_alive(state->mode != Mode::kConnectionCloseHeader);
    response.prepare_payload();
    auto [write_ec, written] =
        co_await beast::http::async_write(socket, response, asio::as_tuple(asio::use_awaitable));
    if (write_ec || state->mode != Mode::kKeepAlive) co_return;
  }
}

asio::awaitable<void> accept_loop(std::shared_ptr<tcp::acceptor> acceptor,
                                  std::shared_ptr<ServerState> state) {
  while (true) {
    auto [ec, socket] = co_await acceptor->async_accept(asio::as_tuple(asio::use_awaitable));
    if (ec) co_return;
    ++state->connections;
    asio::co_spawn(acceptor->get_executor(), serve_connection(std::move(socket), state),
                   asio::detached);
  }
}

class HttpConnectionPoolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    acceptor_ =
        std::make_shared<tcp::acceptor>(io_, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    asio::co_spawn(io_, accept_loop(acceptor_, state_), asio::detached);
    pool_ = HttpConnectionPool::create(io_.get_executor(), {"127.0.0.1", port()}, 4);
  }

  void TearDown() override {
    acceptor_->close();
    pool_.reset();
  }

  std::uint16_t port() const { return acceptor_->local_endpoint().port(); }

  static Request get(std::string target) {
    return Request{beast::http::verb::get, std::move(target), 11};
  }

  // Runs one call to completion while the server keeps serving.
  common::Result<Response> send(HttpConnectionPool& pool, Request request, milliseconds timeout) {
    std::optional<common::Result<Response>> result;
    asio::co_spawn(io_, pool.send(std::move(request), timeout),
                   [&](std::exception_ptr error, common::Result<Response> value) {
                     if (error) std::rethrow_exception(error);
                     result = std::move(value);
                     io_.stop();
                   });
    io_.restart();
    io_.run();
    return std::move(*result);
  }

  asio::io_context io_;
  std::shared_ptr<ServerState> state_ = std::make_shared<ServerState>();
  std::shared_ptr<tcp::acceptor> acceptor_;
  std::shared_ptr<HttpConnectionPool> pool_;
};

TEST_F(HttpConnectionPoolTest, KeepsOneConnectionForSequentialCalls) {
  for (int i = 0; i < 5; ++i) {
    auto response = send(*pool_, get("/call/" + std::to_string(i)), milliseconds(2000));
    ASSERT_TRUE(response) << response.error().detail;
    EXPECT_EQ(response->body(), "echo /call/" + std::to_string(i));
  }
  EXPECT_EQ(state_->connections, 1);
  EXPECT_EQ(state_->requests, 5);
  EXPECT_EQ(pool_->idle_connections(), 1U);
}

TEST_F(HttpConnectionPoolTest, RetriesOnceWhenTheServerClosedTheIdleConnection) {
  state_->mode = Mode::kCloseAfterAnswer;
  for (int i = 0; i < 3; ++i) {
    auto response = send(*pool_, get("/again"), milliseconds(2000));
    ASSERT_TRUE(response) << "call " << i << ": " << response.error().detail;
  }
  // Each later call found its pooled connection closed and went over a new one.
  EXPECT_EQ(state_->connections, 3);
  EXPECT_EQ(state_->requests, 3);
}

TEST_F(HttpConnectionPoolTest, DoesNotPoolConnectionsTheServerWillClose) {
  state_->mode = Mode::kConnectionCloseHeader;
  ASSERT_TRUE(send(*pool_, get("/once"), milliseconds(2000)));
  EXPECT_EQ(pool_->idle_connections(), 0U);
}

TEST_F(HttpConnectionPoolTest, SilentServerIsUnavailableWithinTheTimeout) {
  state_->mode = Mode::kNeverAnswer;
  const auto started = std::chrono::steady_clock::now();
  auto response = send(*pool_, get("/slow"), milliseconds(300));
  const auto elapsed = std::chrono::steady_clock::now() - started;
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().code, common::ErrorCode::kUnavailable);
  EXPECT_NE(response.error().detail.find("timed out"), std::string::npos);
  EXPECT_GE(elapsed, milliseconds(290));
  EXPECT_LT(elapsed, milliseconds(1500));
  EXPECT_EQ(pool_->idle_connections(), 0U);
}

TEST_F(HttpConnectionPoolTest, NothingListeningIsUnavailable) {
  const auto closed_port = port();
  acceptor_->close();
  auto pool = HttpConnectionPool::create(io_.get_executor(), {"127.0.0.1", closed_port}, 4);
  const auto started = std::chrono::steady_clock::now();
  auto response = send(*pool, get("/"), milliseconds(2000));
  ASSERT_FALSE(response);
  EXPECT_EQ(response.error().code, common::ErrorCode::kUnavailable);
  EXPECT_LT(std::chrono::steady_clock::now() - started, milliseconds(1000));
}

TEST_F(HttpConnectionPoolTest, IdleListIsBounded) {
  auto pool = HttpConnectionPool::create(io_.get_executor(), {"127.0.0.1", port()}, 1);
  // Two calls in flight at once need two connections; only one stays afterwards.
  std::vector<common::Result<Response>> results;
  for (int i = 0; i < 2; ++i) {
    asio::co_spawn(io_, pool->send(get("/parallel"), milliseconds(2000)),
                   [&](std::exception_ptr error, common::Result<Response> value) {
                     if (error) std::rethrow_exception(error);
                     results.push_back(std::move(value));
                     if (results.size() == 2) io_.stop();
                   });
  }
  io_.restart();
  io_.run();
  ASSERT_EQ(results.size(), 2U);
  EXPECT_TRUE(results[0] && results[1]);
  EXPECT_EQ(state_->connections, 2);
  EXPECT_EQ(pool->idle_connections(), 1U);
}

}  // namespace
}  // namespace shop::product::search
