#pragma once
// The _bulk API: many documents in one request as NDJSON, and its answer checked item
// by item, because the server answers 200 even when some documents were refused.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/errors.hpp"
#include "search/product_document.hpp"

namespace shop::product::search {

struct BulkItemFailure {
  std::string id;
  int status = 0;
  std::string reason;  // "<error type>: <reason>" as the server put it
  bool operator==(const BulkItemFailure&) const = default;
};

struct BulkOutcome {
  std::size_t indexed = 0;
  std::vector<BulkItemFailure> failures;
};

// For POST /<index>/_bulk: an index action plus the document source per product, each
// on its own line, the last line ending in a newline as the API requires.
std::string bulk_index_body(const std::vector<ProductDocument>& documents);

// Matches the answer's items to `sent` in order; an answer that does not account for
// every document sent is an error, not a partial success.
common::Result<BulkOutcome> parse_bulk_response(std::string_view body,
                                                const std::vector<ProductDocument>& sent);

}  // namespace shop::product::search
