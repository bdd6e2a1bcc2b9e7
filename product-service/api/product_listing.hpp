#pragma once
// A catalog listing: the search server answers; when it cannot, PostgreSQL does, and
// the page says it is degraded (plainer relevance, same filters and totals).

#include "api/deps.hpp"
#include "models/listing.hpp"

namespace shop::product::api {

Task<models::ListingPage> find_listing(const Deps& deps, const models::ListingQuery& query);

// The listing as the search index understands it.
search::ProductQuery to_search_query(const models::ListingQuery& query);
models::ListingPage from_search_result(const search::SearchResult& result);

}  // namespace shop::product::api
