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

}  // namespace shop::common::grpc_glue
