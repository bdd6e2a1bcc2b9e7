#include "search/http_connection_pool.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <optional>

namespace shop::product::search {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using common::Error;
using common::Result;
using common::http::Request;
using common::http::Response;
using Clock = std::chrono::steady_clock;

constexpr auto kAsTuple = asio::as_tuple(asio::use_awaitable);
// A bulk answer for thousands of documents stays well below this.
constexpr std::uint64_t kMaxAnswerBytes = 64ULL << 20;

// The errors a connection shows when the server has closed it while it sat idle.
bool closed_while_idle(const beast::error_code& ec) {
  return ec == beast::http::error::end_of_stream || ec == asio::error::eof ||
         ec == asio::error::connection_reset || ec == asio::error::broken_pipe ||
         ec == asio::error::connection_aborted;
}

Error transport_error(std::string_view step, const beast::error_code& ec) {
  if (ec == beast::error::timeout) return Error::unavailable("search server timed out");
  return Error::unavailable("search server " + std::string(step) + " failed: " + ec.message());
}

}  // namespace

struct HttpConnectionPool::Connection {
  explicit Connection(asio::any_io_executor executor) : stream(std::move(executor)) {}
  beast::tcp_stream stream;
  beast::flat_buffer buffer;
};

struct HttpConnectionPool::Exchange {
  std::optional<Response> response;
  Error error;
  bool stale = false;  // failed because the server had closed the idle connection
};

HttpConnectionPool::HttpConnectionPool(asio::any_io_executor executor, SearchEndpoint endpoint,
                                       std::size_t max_idle)
    : executor_(std::move(executor)), endpoint_(std::move(endpoint)), max_idle_(max_idle) {}

HttpConnectionPool::~HttpConnectionPool() = default;

std::shared_ptr<HttpConnectionPool> HttpConnectionPool::create(asio::any_io_executor executor,
                                                               SearchEndpoint endpoint,
                                                               std::size_t max_idle) {
  return std::shared_ptr<HttpConnectionPool>(
      new HttpConnectionPool(std::move(executor), std::move(endpoint), max_idle));
}

std::size_t HttpConnectionPool::idle_connections() const {
  std::lock_guard lock(mutex_);
  return idle_.size();
}

std::unique_ptr<HttpConnectionPool::Connection> HttpConnectionPool::take_idle() {
  std::lock_guard lock(mutex_);
  if (idle_.empty()) return nullptr;
  auto connection = std::move(idle_.back());
  idle_.pop_back();
  return connection;
}

void HttpConnectionPool::give_back(std::unique_ptr<Connection> connection) {
  std::lock_guard lock(mutex_);
  if (idle_.size() < max_idle_) idle_.push_back(std::move(connection));
}

asio::awaitable<Result<std::unique_ptr<HttpConnectionPool::Connection>>>
HttpConnectionPool::connect(Clock::time_point deadline) {
  asio::ip::tcp::resolver resolver(executor_);
  const std::string service = std::to_string(endpoint_.port);
  auto [resolve_ec, endpoints] = co_await resolver.async_resolve(endpoint_.host, service, kAsTuple);
  if (resolve_ec) co_return transport_error("name lookup", resolve_ec);
  auto connection = std::make_unique<Connection>(executor_);
  connection->stream.expires_at(deadline);
  auto [connect_ec, connected] = co_await connection->stream.async_connect(endpoints, kAsTuple);
  if (connect_ec) co_return transport_error("connect", connect_ec);
  connection->stream.socket().set_option(asio::ip::tcp::no_delay(true));
  co_return connection;
}

asio::awaitable<HttpConnectionPool::Exchange> HttpConnectionPool::exchange(
    Connection& connection, const Request& request, Clock::time_point deadline) {
  connection.stream.expires_at(deadline);
  auto [write_ec, written] =
      co_await beast::http::async_write(connection.stream, request, kAsTuple);
  if (write_ec)
    co_return Exchange{{}, transport_error("write", write_ec), closed_while_idle(write_ec)};
  beast::http::response_parser<beast::http::string_body> parser;
  parser.body_limit(kMaxAnswerBytes);
  auto [read_ec, read] =
      co_await beast::http::async_read(connection.stream, connection.buffer, parser, kAsTuple);
  if (read_ec) {
    const bool stale = closed_while_idle(read_ec) && !parser.got_some();
    co_return Exchange{{}, transport_error("read", read_ec), stale};
  }
  co_return Exchange{parser.release(), {}, false};
}

asio::awaitable<Result<Response>> HttpConnectionPool::send(Request request,
                                                           std::chrono::milliseconds timeout) {
  // The frame keeps the pool alive even if its owner lets go while this call runs.
  const auto self = shared_from_this();
  const auto deadline = Clock::now() + timeout;
  request.set(beast::http::field::host, endpoint_.host + ":" + std::to_string(endpoint_.port));
  request.keep_alive(true);
  request.prepare_payload();

  std::unique_ptr<Connection> connection = take_idle();
  if (connection) {
    Exchange reused = co_await exchange(*connection, request, deadline);
    if (reused.response) {
      if (reused.response->keep_alive()) give_back(std::move(connection));
      co_return std::move(*reused.response);
    }
    // A stale connection fails before the server has read the request, and the requests
    // sent here are idempotent anyway (reads, writes by document id), so one more attempt
    // on a fresh connection cannot apply anything twice.
    if (!reused.stale || Clock::now() >= deadline) co_return reused.error;
  }
  auto fresh = co_await connect(deadline);
  if (!fresh) co_return fresh.error();
  connection = std::move(*fresh);
  Exchange answer = co_await exchange(*connection, request, deadline);
  if (!answer.response) co_return answer.error;
  if (answer.response->keep_alive()) give_back(std::move(connection));
  co_return std::move(*answer.response);
}

}  // namespace shop::product::search
