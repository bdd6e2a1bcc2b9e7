#pragma once
// The HTTP ends a discovery test drives: a /health endpoint whose answer the test sets
// (the agent's check probes it), and a relay in front of the agent that the test can
// make refuse or cut off, to play an agent that fails or is gone. Both listen on
// 127.0.0.1, port 0.

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>

#include <atomic>
#include <cstdint>
#include <memory>

#include "common/http/client.hpp"
#include "common/http/server.hpp"

namespace shop::common::discovery::testing {

class HealthEndpoint {
 public:
  explicit HealthEndpoint(boost::asio::io_context& io);
  std::uint16_t port() const { return port_; }
  void answer(http::Status status) { status_ = status; }
  boost::asio::awaitable<void> shutdown() { co_await server_->shutdown(); }

 private:
  std::atomic<http::Status> status_{http::Status::ok};
  std::unique_ptr<http::Server> server_;
  std::uint16_t port_ = 0;
};

class AgentRelay {
 public:
  AgentRelay(boost::asio::io_context& io, http::Endpoint agent);
  http::Endpoint endpoint() const { return {"127.0.0.1", port_}; }
  // true: every call gets 500 "No cluster leader", as from an agent without a server.
  void refuse(bool refusing) { refusing_ = refusing; }
  // Calls that reached the relay, refused or not.
  int calls() const { return calls_; }
  // Stops listening: connections are refused from then on.
  boost::asio::awaitable<void> cut() { co_await server_->shutdown(); }

 private:
  boost::asio::awaitable<http::Response> forward(const http::Request& request) const;

  http::Endpoint agent_;
  std::atomic<bool> refusing_{false};
  mutable std::atomic<int> calls_{0};
  std::unique_ptr<http::Server> server_;
  std::uint16_t port_ = 0;
};

}  // namespace shop::common::discovery::testing
