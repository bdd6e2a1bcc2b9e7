#pragma once
// protobuf's JSON mapping writes 64-bit integers as strings ("1999"), because not every
// JSON reader keeps integers beyond 2^53 exact. The public API promises numbers for
// money and counts, so the gateway turns those strings back into numbers wherever the
// value is exact in a double, and leaves larger ones as strings.

#include <google/protobuf/descriptor.h>
#include <boost/json/value.hpp>

namespace shop::gateway::routing {

// Whether a message of this type can hold a 64-bit integer field, at any depth.
bool has_int64_fields(const google::protobuf::Descriptor* type);

// Rewrites, in `json` (protobuf's rendering of a `type` message with the .proto field
// names), the string values of 64-bit integer fields as numbers.
void int64_strings_to_numbers(const google::protobuf::Descriptor* type, boost::json::value& json);

}  // namespace shop::gateway::routing
