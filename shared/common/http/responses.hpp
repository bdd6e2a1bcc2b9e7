#pragma once
// Building responses: JSON bodies and RFC 9457 problem+json errors.

#include <boost/json/value.hpp>

#include <string>

#include "common/errors.hpp"
#include "common/http/types.hpp"

namespace shop::common::http {

Response json_response(Status status, std::string body);
Response json_response(Status status, const boost::json::value& body);
Response empty_response(Status status);
Response problem_response(const Error& error);

// Renders the problem+json body alone; the gateway reuses it for upstream errors.
std::string problem_body(const Error& error);

}  // namespace shop::common::http
