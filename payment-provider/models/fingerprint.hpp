#pragma once
// What makes two requests "the same" for an Idempotency-Key: method, path and body,
// the body compared by content, so the order of an object's keys and the whitespace
// do not matter.

#include <boost/json/value.hpp>

#include <string>
#include <string_view>

namespace shop::payment::models {

// The JSON text of `value` with every object's keys sorted and no whitespace.
std::string canonical_json(const boost::json::value& value);

// A SHA-256 hex digest of method, path and canonical body.
std::string request_fingerprint(std::string_view method, std::string_view path,
                                const boost::json::value& body);

}  // namespace shop::payment::models
