#pragma once
// JSON and URL parts <-> protobuf messages, by reflection on the route's descriptors.

#include <string>
#include <unordered_map>

#include "common/errors.hpp"
#include "routing/route_table.hpp"

namespace shop::gateway::routing {

// The serialized request message: the JSON body (when the route takes one), then the
// path placeholders and the declared query parameters. Malformed input is kBadRequest.
common::Result<std::string> encode_request(
    const Route& route, std::string_view body,
    const std::unordered_map<std::string, std::string>& path_params, std::string_view target);

// The JSON rendering of a serialized response message, field names as in the .proto.
common::Result<std::string> decode_response(const Route& route, const std::string& message_bytes);

}  // namespace shop::gateway::routing
