#pragma once
// A small outbound HTTP/1.1 client for internal calls (health probes): one
// connection per call, bounded by a timeout.

#include <chrono>
#include <string>

#include "common/errors.hpp"
#include "common/http/types.hpp"

namespace shop::common::http {

struct Endpoint {
  std::string host;
  std::uint16_t port = 0;
  // Parses "host:port"; nullopt when malformed.
  static std::optional<Endpoint> parse(std::string_view host_port);
};

boost::asio::awaitable<Result<Response>> fetch(const Endpoint& endpoint, Request request,
                                               std::chrono::milliseconds timeout);

}  // namespace shop::common::http
