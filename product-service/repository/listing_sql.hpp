#pragma once
// The database's catalog search as SQL: full-text match (tsvector) or a close spelling
// (pg_trgm word similarity), filters, sort and page. Pure: builds text and parameters.

#include <string>

#include "common/db/params.hpp"
#include "models/listing.hpp"

namespace shop::product::repository {

struct SqlStatement {
  std::string sql;
  common::db::Params params;
};

// One page of products, each row as read_product reads it.
SqlStatement listing_page_sql(const models::ListingQuery& query);
// (category_id, matches) for every category with matches; "" for uncategorized.
SqlStatement listing_facets_sql(const models::ListingQuery& query);

}  // namespace shop::product::repository
