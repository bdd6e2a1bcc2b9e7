#pragma once
// HTTP/1.1 server on Boost.Beast with C++20 coroutines: keep-alive, body and header
// limits, idle and read timeouts, request id and trace context on every response,
// RED metrics per route, and a graceful shutdown that drains in-flight requests.

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "common/http/cors.hpp"
#include "common/http/router.hpp"

namespace shop::common::http {

struct ServerConfig {
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;  // 0 picks a free port; start() returns it
  std::size_t max_body_bytes = 1 << 20;
  std::size_t max_header_bytes = 16 * 1024;
  std::chrono::milliseconds idle_timeout{60'000};
  std::chrono::milliseconds read_timeout{15'000};
  std::chrono::milliseconds drain_timeout{10'000};
  std::shared_ptr<const CorsPolicy> cors{};  // none: no cross-origin access
};

class Server {
 public:
  Server(boost::asio::io_context& io, ServerConfig config, Router router);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds, listens and starts accepting; returns the bound port. Throws on bind failure.
  std::uint16_t start();
  // Stops accepting, lets in-flight requests finish (their connections then close),
  // closes idle keep-alive connections, and returns once all are gone or
  // drain_timeout has passed.
  boost::asio::awaitable<void> shutdown();
  bool draining() const;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace shop::common::http
