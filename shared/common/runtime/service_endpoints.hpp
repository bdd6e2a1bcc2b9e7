#pragma once
// What every service listens on: its gRPC API, and HTTP for /health, /ready and
// /metrics. Started once the service is ready to serve; shut down HTTP first (so
// balancers see /ready turn red), then gRPC with a drain deadline.

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/grpc/server.hpp"
#include "common/http/health.hpp"
#include "common/http/server.hpp"

namespace shop::common::runtime {

struct EndpointsConfig {
  std::string bind_address;
  std::uint16_t http_port = 0;
  std::uint16_t grpc_port = 0;
  std::chrono::seconds grpc_drain_timeout{5};
};

class ServiceEndpoints {
 public:
  ServiceEndpoints(boost::asio::io_context& io, EndpointsConfig config,
                   std::shared_ptr<const http::HealthChecks> health);
  ~ServiceEndpoints();

  // Throws std::runtime_error when a port cannot be bound.
  void start(const std::vector<grpc::Service*>& services);
  boost::asio::awaitable<void> shutdown();

 private:
  boost::asio::io_context& io_;
  EndpointsConfig config_;
  std::shared_ptr<const http::HealthChecks> health_;
  std::unique_ptr<http::Server> http_;
  grpc_glue::StartedServer grpc_;
};

}  // namespace shop::common::runtime
