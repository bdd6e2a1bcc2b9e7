#include "common/grpc/server.hpp"

#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server.h>
#include <grpcpp/server_builder.h>

#include <stdexcept>

namespace shop::common::grpc_glue {

StartedServer start_server(const std::string& address, int port,
                           const std::vector<grpc::Service*>& services) {
  StartedServer started;
  grpc::ServerBuilder builder;
  // Internal traffic on loopback or a private network; TLS terminates elsewhere.
  builder.AddListeningPort(address + ":" + std::to_string(port), grpc::InsecureServerCredentials(),
                           &started.port);
  for (auto* service : services) builder.RegisterService(service);
  started.server = builder.BuildAndStart();
  if (!started.server || started.port == 0) {
    throw std::runtime_error("cannot listen for gRPC on " + address + ":" + std::to_string(port));
  }
  return started;
}

}  // namespace shop::common::grpc_glue
