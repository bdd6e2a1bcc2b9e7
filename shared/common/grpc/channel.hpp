#pragma once
// A client channel to another service of the system (plaintext on the internal network).

#include <memory>
#include <string>

namespace grpc {
class Channel;
}  // namespace grpc

namespace shop::common::grpc_glue {

// A restarted upstream is reachable again within about a second, not after gRPC's
// default reconnect backoff of up to two minutes.
std::shared_ptr<grpc::Channel> open_channel(const std::string& address);

// The same, on a TCP connection of its own. Channels opened with equal settings to one
// address otherwise share one connection (gRPC's process-wide subchannel pool): a load
// generator that wants n connections opens n of these.
std::shared_ptr<grpc::Channel> open_own_channel(const std::string& address);

}  // namespace shop::common::grpc_glue
