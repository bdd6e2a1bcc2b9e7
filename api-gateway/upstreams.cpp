#include "upstreams.hpp"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>

#include <stdexcept>

#include "proto/user.pb.h"

namespace shop::gateway {
namespace {

// A restarted upstream should be reachable again within a second, not after gRPC's
// default reconnect backoff of up to two minutes.
constexpr int kReconnectBackoffMs = 250;
constexpr int kMaxReconnectBackoffMs = 1000;

std::shared_ptr<grpc::Channel> open_channel(const std::string& address) {
  grpc::ChannelArguments arguments;
  arguments.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, kReconnectBackoffMs);
  arguments.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, kReconnectBackoffMs);
  arguments.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, kMaxReconnectBackoffMs);
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), arguments);
}

}  // namespace

std::vector<routing::ServiceBinding> service_bindings() {
  return {
      {user::v1::User::descriptor()->file()->FindServiceByName("UserService"), "user-service"},
  };
}

std::vector<Upstream> connect_upstreams(const std::vector<UpstreamConfig>& configs) {
  std::vector<Upstream> upstreams;
  for (const auto& config : configs) {
    auto health = common::http::Endpoint::parse(config.http_address);
    if (!health)
      throw std::invalid_argument(config.name + ": bad HTTP address " + config.http_address);
    upstreams.push_back(
        {config.name,
         std::make_shared<common::grpc_glue::GenericClient>(open_channel(config.grpc_address)),
         *health});
  }
  return upstreams;
}

}  // namespace shop::gateway
