#pragma once
// What the gateway accepts as a JSON request body, before protobuf maps its fields.

#include <string_view>

#include "common/errors.hpp"

namespace shop::gateway::routing {

// application/json or any application/*+json, parameters such as charset allowed;
// anything else, a missing Content-Type included, is kUnsupportedMediaType.
common::Result<void> check_json_media_type(std::string_view content_type);

// Well-formed per RFC 8259 with one object at the top, nested at most kMaxJsonDepth deep,
// and no member name twice in any object. RFC 8259 leaves duplicate names to each
// reader; refusing them means no two readers can take the request differently.
// Failures are kBadRequest.
common::Result<void> check_json_object(std::string_view text);

inline constexpr std::size_t kMaxJsonDepth = 32;

}  // namespace shop::gateway::routing
