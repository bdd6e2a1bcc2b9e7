#include "common/http/client.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <charconv>

namespace shop::common::http {
namespace {
namespace asio = boost::asio;
namespace beast = boost::beast;
constexpr auto kAsTuple = asio::as_tuple(asio::use_awaitable);
}  // namespace

std::optional<Endpoint> Endpoint::parse(std::string_view host_port) {
  const auto colon = host_port.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  std::uint16_t port = 0;
  const auto digits = host_port.substr(colon + 1);
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (ec != std::errc{} || end != digits.data() + digits.size() || port == 0) return std::nullopt;
  return Endpoint{std::string(host_port.substr(0, colon)), port};
}

asio::awaitable<Result<Response>> fetch(const Endpoint& endpoint, Request request,
                                        std::chrono::milliseconds timeout) {
  auto executor = co_await asio::this_coro::executor;
  asio::ip::tcp::resolver resolver(executor);
  beast::tcp_stream stream(executor);
  stream.expires_after(timeout);
  auto [resolve_ec, results] =
      co_await resolver.async_resolve(endpoint.host, std::to_string(endpoint.port), kAsTuple);
  if (resolve_ec) co_return Error::unavailable("cannot resolve " + endpoint.host);
  auto [connect_ec, connected] = co_await stream.async_connect(results, kAsTuple);
  if (connect_ec) co_return Error::unavailable("cannot connect: " + connect_ec.message());
  request.set(beast_http::field::host, endpoint.host);
  request.prepare_payload();
  auto [write_ec, written] = co_await beast_http::async_write(stream, request, kAsTuple);
  if (write_ec) co_return Error::unavailable("write failed: " + write_ec.message());
  beast::flat_buffer buffer;
  Response response;
  auto [read_ec, read] = co_await beast_http::async_read(stream, buffer, response, kAsTuple);
  if (read_ec == beast::error::timeout) co_return Error::deadline_exceeded("upstream timed out");
  if (read_ec) co_return Error::unavailable("read failed: " + read_ec.message());
  beast::error_code ignored;
  stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  co_return response;
}

}  // namespace shop::common::http
