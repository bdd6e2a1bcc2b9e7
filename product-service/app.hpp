#pragma once
// Wires product-service: database, event outbox and relay, search index and its
// indexer, reservation sweeper, gRPC API and operational HTTP.

#include "config.hpp"

namespace shop::product {

// Serves until SIGTERM; the process's exit code.
int run(const Config& config);
// Rebuilds the search index from the database (zero downtime) and exits: 0 on success.
int reindex(const Config& config);

}  // namespace shop::product
