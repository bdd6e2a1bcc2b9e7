#pragma once
// Wires order-service: the MongoDB-API store, product-service and payment-provider
// clients with their breakers, the saga runner, the gRPC API and operational HTTP.

#include "config.hpp"

namespace shop::order {

// Serves until SIGTERM; the process's exit code.
int run(const Config& config);

}  // namespace shop::order
