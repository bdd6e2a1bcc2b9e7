#pragma once
// Wires payment-provider: database, the Stripe-style /v1 API and the operational routes,
// all on one HTTP port (the provider has no gRPC API).

#include "config.hpp"

namespace shop::payment {

int run(const Config& config);

}  // namespace shop::payment
