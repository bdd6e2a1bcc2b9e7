#pragma once
// ProductQuery → the JSON body of POST /<alias>/_search. Pure: no I/O, so every rule
// (typo tolerance, filters, sort, paging, facets) is unit-tested on the JSON it makes.

#include <boost/json/object.hpp>

#include <cstdint>
#include <vector>

#include "common/errors.hpp"
#include "search/product_query.hpp"

namespace shop::product::search {

// The search server refuses to page past this many hits (index.max_result_window).
inline constexpr std::int64_t kMaxResultWindow = 10'000;
inline constexpr std::size_t kMaxQueryTextLength = 200;
// Aggregation names, shared with the response parser.
inline constexpr const char* kCategoryFacet = "categories";
inline constexpr const char* kPriceFacet = "price_ranges";

struct SearchBodyOptions {
  // Price facet buckets: below the first bound, between neighbours, above the last.
  std::vector<std::int64_t> price_bounds_cents{1'000, 5'000, 10'000, 50'000};
  std::int64_t max_category_facets = 100;
};

// Validation errors name the API's query parameters (q, category, min_price, ...).
common::Result<boost::json::object> build_search_body(const ProductQuery& query,
                                                      const SearchBodyOptions& options = {});

}  // namespace shop::product::search
