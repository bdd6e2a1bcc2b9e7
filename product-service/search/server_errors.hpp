#pragma once
// One place that turns a search server's error answer into our error model. The rule
// the callers rely on: anything that means "the search server cannot serve now"
// (overload, server errors; unreachable and timed out are decided by the transport) is
// kUnavailable, so the product service falls back to PostgreSQL.

#include <string_view>

#include "common/errors.hpp"

namespace shop::product::search {

// `status` is the HTTP status of a non-2xx answer, `body` its JSON error document.
common::Error error_from_answer(int status, std::string_view body, std::string_view action);

}  // namespace shop::product::search
