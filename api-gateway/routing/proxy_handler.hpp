#pragma once
// The HTTP handler for one annotated route: authorize, transcode, call the upstream
// over gRPC within the deadline, and answer JSON or problem+json.

#include <chrono>
#include <memory>

#include "common/balancing/instance_pool.hpp"
#include "common/http/types.hpp"
#include "common/identity/authenticator.hpp"
#include "routing/route_table.hpp"

namespace shop::gateway::routing {

struct ProxyDeps {
  std::shared_ptr<common::balancing::InstancePool> upstream;
  std::shared_ptr<common::identity::Authenticator> authenticator;
  std::chrono::milliseconds timeout;
};

common::http::Handler make_proxy_handler(Route route, ProxyDeps deps);

}  // namespace shop::gateway::routing
