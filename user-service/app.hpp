#pragma once
// Wires user-service: database, keys, admin account, gRPC API and operational HTTP.

#include "config.hpp"

namespace shop::user {

int run(const Config& config);

}  // namespace shop::user
