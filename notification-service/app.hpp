#pragma once
// Wires notification-service: database, event consumers (planner and archive), the
// channel workers and the gRPC/HTTP endpoints.

#include "config.hpp"

namespace shop::notification {

int run(const Config& config);

}  // namespace shop::notification
