#pragma once
// The services behind the gateway: one entry per upstream, with its gRPC client, its
// health endpoint, and the gRPC services whose annotated methods become routes.

#include <memory>
#include <string>
#include <vector>

#include "common/grpc/generic_client.hpp"
#include "common/http/client.hpp"
#include "routing/route_table.hpp"

namespace shop::gateway {

struct UpstreamConfig {
  std::string name;
  std::string grpc_address;  // host:port
  std::string http_address;  // host:port, serves /health
};

struct Upstream {
  std::string name;
  std::shared_ptr<common::grpc_glue::GenericClient> client;
  common::http::Endpoint health_endpoint;
};

// The gRPC services each upstream exposes through the gateway.
std::vector<routing::ServiceBinding> service_bindings();

// Throws std::invalid_argument for a malformed address.
std::vector<Upstream> connect_upstreams(const std::vector<UpstreamConfig>& configs);

}  // namespace shop::gateway
