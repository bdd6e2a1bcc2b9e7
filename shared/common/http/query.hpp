#pragma once
// Reading the query string of a request target ("/v1/charges?order_id=42").

#include <optional>
#include <string>
#include <string_view>

namespace shop::common::http {

// The percent-decoded value of the first parameter named `name`; nullopt when the target
// has no such parameter or its query string is malformed.
std::optional<std::string> query_param(std::string_view target, std::string_view name);

}  // namespace shop::common::http
