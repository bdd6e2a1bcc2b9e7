#pragma once
// The services behind the gateway: one entry per upstream, with its gRPC client, its
// health endpoint, and the gRPC services whose annotated methods become routes.

#include <memory>
#include <string>
#include <vector>

#include "common/balancing/instance_pool.hpp"
#include "common/balancing/upstream_set.hpp"
#include "common/http/client.hpp"
#include "routing/route_table.hpp"

namespace shop::gateway {

struct UpstreamConfig {
  std::string name;
  std::string grpc_address;  // host:port, or several joined by commas (one per instance)
  std::string http_address;  // host:port serving /health, or several joined by commas
};

struct Upstream {
  std::string name;
  // The instances: the configured address, or those the registry lists.
  std::shared_ptr<common::balancing::InstancePool> client;
  std::vector<common::http::Endpoint> health_endpoints;  // one per instance
};

// The gRPC services each upstream exposes through the gateway.
std::vector<routing::ServiceBinding> service_bindings();

// Each upstream's pool joins `pools`, which follows the registry once started. Throws
// std::invalid_argument for a malformed address.
std::vector<Upstream> connect_upstreams(const std::vector<UpstreamConfig>& configs,
                                        common::balancing::UpstreamSet& pools);

}  // namespace shop::gateway
