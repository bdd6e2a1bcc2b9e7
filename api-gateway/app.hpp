#pragma once
// Wires the gateway: upstreams, routes from the proto annotations, health aggregation.

#include "config.hpp"

namespace shop::gateway {

int run(const Config& config);

}  // namespace shop::gateway
