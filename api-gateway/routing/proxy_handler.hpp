#pragma once
// The HTTP handler for one annotated route: authorize, transcode, call the upstream
// over gRPC within the deadline, and answer JSON or problem+json.

#include <google/protobuf/message.h>

#include <chrono>
#include <functional>
#include <memory>

#include "common/balancing/instance_pool.hpp"
#include "common/http/types.hpp"
#include "common/identity/authenticator.hpp"
#include "routing/route_table.hpp"

namespace shop::gateway::routing {

// Adds to an upstream's answer before it is rendered, from other services (aggregation).
// It answers even when those fail: what it could not add, it flags in the message.
using Enricher = std::function<boost::asio::awaitable<void>(google::protobuf::Message&,
                                                            const common::grpc_glue::CallContext&)>;

struct ProxyDeps {
  std::shared_ptr<common::balancing::InstancePool> upstream;
  std::shared_ptr<common::identity::Authenticator> authenticator;
  std::chrono::milliseconds timeout{};
  Enricher enrich{};  // none for most routes
};

common::http::Handler make_proxy_handler(Route route, ProxyDeps deps);

}  // namespace shop::gateway::routing
