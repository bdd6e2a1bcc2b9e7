#pragma once
// JSON and URL parts <-> protobuf messages, by reflection on the route's descriptors.

#include <google/protobuf/message.h>

#include <memory>
#include <string>
#include <unordered_map>

#include "common/errors.hpp"
#include "routing/route_table.hpp"

namespace shop::gateway::routing {

// The serialized request message: the JSON body (when the route takes one), then the
// named fields (path placeholders and declared headers) and the declared query
// parameters. Malformed input is kBadRequest.
common::Result<std::string> encode_request(
    const Route& route, std::string_view body,
    const std::unordered_map<std::string, std::string>& named_fields, std::string_view target);

struct DecodedResponse {
  std::string json;       // field names as in the .proto
  bool accepted = false;  // the route's accepted_when holds: answer 202
};

// The upstream's answer as the route's output message, which aggregation may add to...
common::Result<std::unique_ptr<google::protobuf::Message>> parse_response(
    const Route& route, const std::string& message_bytes);
// ...then rendered as the route's JSON.
common::Result<DecodedResponse> render_response(const Route& route,
                                                const google::protobuf::Message& message);
// Both in one step.
common::Result<DecodedResponse> decode_response(const Route& route,
                                                const std::string& message_bytes);

}  // namespace shop::gateway::routing
