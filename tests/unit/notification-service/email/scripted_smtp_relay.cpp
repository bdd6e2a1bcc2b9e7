// The scripted SMTP relay for tests; see scripted_smtp_relay.hpp.
#include "scripted_smtp_relay.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

namespace shop::notification::email::testing {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;
constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);

std::string reply_to(std::string_view command, const std::string& rcpt_reply) {
  if (command.starts_with("EHLO") || command.starts_with("HELO")) return "250 scripted\r\n";
  if (command.starts_with("MAIL") || command.starts_with("RSET")) return "250 ok\r\n";
  if (command.starts_with("RCPT")) return rcpt_reply + "\r\n";
  if (command.starts_with("QUIT")) return "221 bye\r\n";
  return "502 not scripted\r\n";
}

asio::awaitable<void> serve_one_client(tcp::acceptor& acceptor, std::string rcpt_reply) {
  auto [accept_error, socket] = co_await acceptor.async_accept(kNoThrow);
  if (accept_error) co_return;
  const std::string greeting = "220 scripted ESMTP\r\n";
  co_await asio::async_write(socket, asio::buffer(greeting), kNoThrow);
  std::string pending;
  while (true) {
    auto [read_error, length] =
        co_await asio::async_read_until(socket, asio::dynamic_buffer(pending), "\r\n", kNoThrow);
    if (read_error) co_return;  // the client hung up
    const std::string command = pending.substr(0, length);
    pending.erase(0, length);
    const std::string reply = reply_to(command, rcpt_reply);
    auto [write_error, written] = co_await asio::async_write(socket, asio::buffer(reply), kNoThrow);
    if (write_error || command.starts_with("QUIT")) co_return;
  }
}

}  // namespace

ScriptedSmtpRelay::ScriptedSmtpRelay(std::string rcpt_reply)
    : acceptor_(io_, {asio::ip::make_address("127.0.0.1"), 0}) {
  asio::co_spawn(io_, serve_one_client(acceptor_, std::move(rcpt_reply)), asio::detached);
  runner_ = std::jthread([this] { io_.run(); });
}

ScriptedSmtpRelay::~ScriptedSmtpRelay() {
  io_.stop();  // ends a wait for a client that never came; the runner then joins
}

std::uint16_t ScriptedSmtpRelay::port() const { return acceptor_.local_endpoint().port(); }

}  // namespace shop::notification::email::testing
