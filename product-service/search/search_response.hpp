#pragma once
// The JSON answer of _search → SearchResult. Strict: a malformed answer, a timed-out
// or partially failed search, or a hit without a complete document is an error, never
// a shorter list that looks like a real result.

#include <string_view>

#include "common/errors.hpp"
#include "search/search_result.hpp"

namespace shop::product::search {

common::Result<SearchResult> parse_search_response(std::string_view body);

}  // namespace shop::product::search
