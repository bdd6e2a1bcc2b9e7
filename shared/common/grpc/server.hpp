#pragma once
// Builds and starts a gRPC server for callback services on host:port.

#include <memory>
#include <string>
#include <vector>

namespace grpc {
class Server;
class Service;
}  // namespace grpc

namespace shop::common::grpc_glue {

struct StartedServer {
  std::unique_ptr<grpc::Server> server;
  int port = 0;
};

// Throws std::runtime_error when the port cannot be bound.
StartedServer start_server(const std::string& address, int port,
                           const std::vector<grpc::Service*>& services);

}  // namespace shop::common::grpc_glue
