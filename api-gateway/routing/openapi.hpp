#pragma once
// The OpenAPI 3 document of the public API, generated from the same route table the
// gateway serves, so the published schema cannot drift from the behaviour.

#include <string>
#include <vector>

#include "routing/route_table.hpp"

namespace shop::gateway::routing {

std::string openapi_document(const std::vector<Route>& routes);

}  // namespace shop::gateway::routing
