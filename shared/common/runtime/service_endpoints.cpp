#include "common/runtime/service_endpoints.hpp"

#include <grpcpp/server.h>

#include "common/observability/logger.hpp"

namespace shop::common::runtime {

ServiceEndpoints::ServiceEndpoints(boost::asio::io_context& io, EndpointsConfig config,
                                   std::shared_ptr<const http::HealthChecks> health)
    : io_(io), config_(std::move(config)), health_(std::move(health)) {}

ServiceEndpoints::~ServiceEndpoints() = default;

void ServiceEndpoints::start(const std::vector<grpc::Service*>& services) {
  grpc_ = grpc_glue::start_server(config_.bind_address, config_.grpc_port, services);
  http::Router router;
  http::add_operational_routes(router, health_, [this] { return http_->draining(); });
  http_ = std::make_unique<http::Server>(
      io_, http::ServerConfig{.address = config_.bind_address, .port = config_.http_port},
      std::move(router));
  http_->start();
  obs::info("listening", {{"http_port", config_.http_port}, {"grpc_port", grpc_.port}});
}

boost::asio::awaitable<void> ServiceEndpoints::shutdown() {
  if (http_) co_await http_->shutdown();
  if (grpc_.server)
    grpc_.server->Shutdown(std::chrono::system_clock::now() + config_.grpc_drain_timeout);
}

}  // namespace shop::common::runtime
