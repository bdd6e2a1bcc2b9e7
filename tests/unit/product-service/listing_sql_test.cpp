#include "repository/listing_sql.hpp"

#include <gtest/gtest.h>

namespace shop::product::repository {
namespace {

models::ListingQuery query() { return *models::make_listing_query({}); }

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST(ListingSql, PlainListingFiltersDeletedAndPagesByNewest) {
  const auto statement = listing_page_sql(query());
  EXPECT_TRUE(contains(statement.sql, "p.deleted_at IS NULL"));
  EXPECT_TRUE(contains(statement.sql, "ORDER BY p.created_at DESC, p.id LIMIT $1 OFFSET $2"));
  EXPECT_EQ(statement.params, (common::db::Params{"20", "0"}));
}

TEST(ListingSql, TextMatchesWordsOrACloseSpellingAndRanksByBoth) {
  auto q = query();
  q.text = "lapotp";
  q.sort = models::SortOrder::kRelevance;
  const auto statement = listing_page_sql(q);
  EXPECT_TRUE(contains(statement.sql, "websearch_to_tsquery('english', $1)"));
  EXPECT_TRUE(contains(statement.sql, "$1 <% p.name"));
  EXPECT_TRUE(contains(statement.sql, "ORDER BY ts_rank("));
  EXPECT_EQ(statement.params.front(), "lapotp");
}

TEST(ListingSql, EveryFilterBindsItsValueNeverInlinesIt) {
  auto q = query();
  q.text = "x'; DROP TABLE products; --";
  q.category_id = "0b8f7a3e-6c1d-4e2f-9a0b-1c2d3e4f5a6b";
  q.min_price_cents = 100;
  q.max_price_cents = 900;
  q.in_stock = true;
  const auto statement = listing_page_sql(q);
  EXPECT_FALSE(contains(statement.sql, "DROP TABLE"));
  EXPECT_TRUE(contains(statement.sql, "WITH RECURSIVE subtree"));
  EXPECT_TRUE(contains(statement.sql, "p.price_cents >= $3"));
  EXPECT_TRUE(contains(statement.sql, "p.price_cents <= $4"));
  EXPECT_TRUE(contains(statement.sql, "COALESCE(i.on_hand - i.reserved, 0) > 0"));
  EXPECT_EQ(statement.params.size(), 6u);  // text, category, min, max, limit, offset
}

TEST(ListingSql, OutOfStockFilter) {
  auto q = query();
  q.in_stock = false;
  EXPECT_TRUE(contains(listing_page_sql(q).sql, "COALESCE(i.on_hand - i.reserved, 0) <= 0"));
}

TEST(ListingSql, SortOrdersAreStableByIdAsTieBreaker) {
  auto q = query();
  q.sort = models::SortOrder::kPriceAsc;
  EXPECT_TRUE(contains(listing_page_sql(q).sql, "ORDER BY p.price_cents, p.id"));
  q.sort = models::SortOrder::kPriceDesc;
  EXPECT_TRUE(contains(listing_page_sql(q).sql, "ORDER BY p.price_cents DESC, p.id"));
  q.sort = models::SortOrder::kName;
  EXPECT_TRUE(contains(listing_page_sql(q).sql, "ORDER BY lower(p.name), p.id"));
}

TEST(ListingSql, FacetsUseTheSameFiltersWithoutPaging) {
  auto q = query();
  q.min_price_cents = 100;
  const auto statement = listing_facets_sql(q);
  EXPECT_TRUE(contains(statement.sql, "GROUP BY 1"));
  EXPECT_TRUE(contains(statement.sql, "p.price_cents >= $1"));
  EXPECT_FALSE(contains(statement.sql, "LIMIT"));
  EXPECT_EQ(statement.params, (common::db::Params{"100"}));
}

}  // namespace
}  // namespace shop::product::repository
