#pragma once
// Reads the answer of Consul's GET /v1/health/service/<name> into instances.

#include <string_view>
#include <vector>

#include "common/discovery/instance.hpp"
#include "common/errors.hpp"

namespace shop::common::discovery {

// The instances in a health API answer (a JSON array of {Node, Service, Checks}),
// sorted by id. An empty Service.Address means the node's address, as Consul defines
// it; Meta.http_port that is missing or not a port reads as 0. Entries without an id,
// an address or a usable Port are skipped. An answer that is not a JSON array is an error.
Result<std::vector<Instance>> parse_health_entries(std::string_view body);

}  // namespace shop::common::discovery
