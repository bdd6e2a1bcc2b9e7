#include "common/http/server.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <atomic>
#include <mutex>
#include <unordered_map>

#include "common/http/request_pipeline.hpp"
#include "common/observability/logger.hpp"

namespace shop::common::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;
constexpr auto kAsTuple = asio::as_tuple(asio::use_awaitable);
constexpr std::chrono::milliseconds kDrainPollInterval{10};

// "203.0.113.7" or "2001:db8::1"; an IPv4 client of a dual-stack listener is shown as
// IPv4, not "::ffff:203.0.113.7". Empty when the socket no longer knows its peer.
std::string peer_address_of(const tcp::socket& socket) {
  boost::system::error_code ec;
  const auto endpoint = socket.remote_endpoint(ec);
  if (ec) return {};
  const auto address = endpoint.address();
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    return asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6()).to_string();
  }
  return address.to_string();
}

struct Session {
  explicit Session(tcp::socket socket)
      : peer_address(peer_address_of(socket)), stream(std::move(socket)) {}
  const std::string peer_address;
  beast::tcp_stream stream;
  bool busy = false;  // touched only on the session's strand
};

}  // namespace

struct Server::Impl : std::enable_shared_from_this<Impl> {
  Impl(asio::io_context& io, ServerConfig config, Router router)
      : io(io),
        config(std::move(config)),
        pipeline(std::move(router), this->config.cors),
        acceptor(asio::make_strand(io)) {}

  asio::io_context& io;
  const ServerConfig config;
  const RequestPipeline pipeline;
  tcp::acceptor acceptor;
  std::atomic<bool> draining{false};
  std::mutex sessions_mutex;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;

  asio::awaitable<void> accept_loop() {
    auto self = shared_from_this();
    while (acceptor.is_open()) {
      auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(io), kAsTuple);
      if (ec) {
        if (!acceptor.is_open() || ec == asio::error::operation_aborted) co_return;
        obs::warn("accept failed", {{"error", ec.message()}});
        continue;
      }
      socket.set_option(tcp::no_delay(true));
      auto session = std::make_shared<Session>(std::move(socket));
      {
        std::lock_guard lock(sessions_mutex);
        sessions.emplace(session.get(), session);
      }
      asio::co_spawn(session->stream.get_executor(), serve(session), asio::detached);
    }
  }

  asio::awaitable<void> serve(std::shared_ptr<Session> session) {
    auto self = shared_from_this();
    beast::flat_buffer buffer;
    bool keep_alive = true;
    while (keep_alive && !draining) {
      beast_http::request_parser<beast_http::string_body> parser;
      parser.body_limit(config.max_body_bytes);
      parser.header_limit(static_cast<std::uint32_t>(config.max_header_bytes));
      session->busy = false;
      session->stream.expires_after(config.idle_timeout);
      auto [header_ec, header_bytes] =
          co_await beast_http::async_read_header(session->stream, buffer, parser, kAsTuple);
      session->busy = true;
      if (header_ec) {
        if (auto error = read_error(header_ec)) co_await write_error(*session, *error);
        break;
      }
      session->stream.expires_after(config.read_timeout);
      if (!parser.is_done()) {
        auto [body_ec, body_bytes] =
            co_await beast_http::async_read(session->stream, buffer, parser, kAsTuple);
        if (body_ec) {
          if (auto error = read_error(body_ec)) co_await write_error(*session, *error);
          break;
        }
      }
      Request request = parser.release();
      Response response = co_await pipeline.handle(request, session->peer_address);
      keep_alive = request.keep_alive() && !draining;
      response.keep_alive(keep_alive);
      session->stream.expires_after(config.read_timeout);
      auto [write_ec, written] =
          co_await beast_http::async_write(session->stream, response, kAsTuple);
      if (write_ec) break;
    }
    beast::error_code ignored;
    session->stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    std::lock_guard lock(sessions_mutex);
    sessions.erase(session.get());
  }

  // The answer to a request that could not be read, or none when there is nobody to
  // answer: the client closed, went quiet or sent half a message.
  static std::optional<Error> read_error(const beast::error_code& ec) {
    if (ec == beast_http::error::body_limit) {
      return Error{ErrorCode::kPayloadTooLarge, "the request body exceeds the size limit", {}};
    }
    if (ec == beast_http::error::header_limit) {
      return Error{ErrorCode::kHeadersTooLarge, "the request headers exceed the size limit", {}};
    }
    if (is_malformed(ec)) {
      return Error::bad_request("the request is not well-formed HTTP/1.1: " + ec.message());
    }
    return std::nullopt;
  }

  static bool is_malformed(const beast::error_code& ec) {
    using beast_http::error;
    for (const auto code :
         {error::bad_line_ending, error::bad_method, error::bad_target, error::bad_version,
          error::bad_field, error::bad_value, error::bad_content_length,
          error::bad_transfer_encoding, error::bad_chunk, error::bad_chunk_extension,
          error::bad_obs_fold, error::multiple_content_length}) {
      if (ec == code) return true;
    }
    return false;
  }

  asio::awaitable<void> write_error(Session& session, const Error& error) {
    Response response = pipeline.reject(error);
    response.keep_alive(false);
    session.stream.expires_after(config.read_timeout);
    co_await beast_http::async_write(session.stream, response, kAsTuple);
  }

  void close_idle_sessions(bool including_busy) {
    std::lock_guard lock(sessions_mutex);
    for (auto& [raw, weak] : sessions) {
      if (auto session = weak.lock()) {
        asio::post(session->stream.get_executor(), [session, including_busy] {
          if (including_busy || !session->busy) session->stream.socket().close();
        });
      }
    }
  }

  bool no_sessions() {
    std::lock_guard lock(sessions_mutex);
    return sessions.empty();
  }
};

Server::Server(asio::io_context& io, ServerConfig config, Router router)
    : impl_(std::make_shared<Impl>(io, std::move(config), std::move(router))) {}

Server::~Server() = default;

std::uint16_t Server::start() {
  const tcp::endpoint endpoint{asio::ip::make_address(impl_->config.address), impl_->config.port};
  impl_->acceptor.open(endpoint.protocol());
  impl_->acceptor.set_option(asio::socket_base::reuse_address(true));
  impl_->acceptor.bind(endpoint);
  impl_->acceptor.listen(asio::socket_base::max_listen_connections);
  asio::co_spawn(impl_->acceptor.get_executor(), impl_->accept_loop(), asio::detached);
  return impl_->acceptor.local_endpoint().port();
}

asio::awaitable<void> Server::shutdown() {
  auto impl = impl_;
  impl->draining = true;
  asio::post(impl->acceptor.get_executor(), [impl] {
    boost::system::error_code ignored;
    impl->acceptor.close(ignored);
  });
  impl->close_idle_sessions(false);
  const auto deadline = std::chrono::steady_clock::now() + impl->config.drain_timeout;
  asio::steady_timer timer(co_await asio::this_coro::executor);
  while (!impl->no_sessions() && std::chrono::steady_clock::now() < deadline) {
    // Sessions that were mid-request when draining began close after their response;
    // one that went idle in between is closed here.
    impl->close_idle_sessions(false);
    timer.expires_after(kDrainPollInterval);
    co_await timer.async_wait(kAsTuple);
  }
  impl->close_idle_sessions(true);
}

bool Server::draining() const { return impl_->draining; }

}  // namespace shop::common::http
