#pragma once
// A one-connection SMTP relay on 127.0.0.1 that greets, accepts EHLO and MAIL FROM, and
// answers RCPT TO with a reply the test chooses: a real relay's refusal, without
// configuring one.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <cstdint>
#include <string>
#include <thread>

namespace shop::notification::email::testing {

class ScriptedSmtpRelay {
 public:
  // `rcpt_reply` such as "550 5.1.1 no such user"; serves on a free port at once.
  explicit ScriptedSmtpRelay(std::string rcpt_reply);
  ~ScriptedSmtpRelay();
  ScriptedSmtpRelay(const ScriptedSmtpRelay&) = delete;
  ScriptedSmtpRelay& operator=(const ScriptedSmtpRelay&) = delete;

  std::uint16_t port() const;

 private:
  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  std::jthread runner_;
};

}  // namespace shop::notification::email::testing
