#include "models/listing.hpp"

#include <gtest/gtest.h>

namespace shop::product::models {
namespace {

TEST(ListingQuery, DefaultsToNewestFirstPage) {
  auto query = make_listing_query({});
  ASSERT_TRUE(query);
  EXPECT_EQ(query->sort, SortOrder::kNewest);
  EXPECT_EQ(query->page, 1);
  EXPECT_EQ(query->page_size, kDefaultPageSize);
  EXPECT_EQ(query->offset(), 0);
}

TEST(ListingQuery, TextMakesRelevanceTheDefaultSort) {
  ListingRequest request;
  request.q = "  laptop ";
  auto query = make_listing_query(request);
  ASSERT_TRUE(query);
  EXPECT_EQ(query->text, "laptop");
  EXPECT_EQ(query->sort, SortOrder::kRelevance);
}

TEST(ListingQuery, RelevanceWithoutTextFallsBackToNewest) {
  ListingRequest request;
  request.sort = "relevance";
  EXPECT_EQ(make_listing_query(request)->sort, SortOrder::kNewest);
}

TEST(ListingQuery, PagesAndOffsets) {
  ListingRequest request;
  request.page = 3;
  request.page_size = 25;
  request.sort = "price_desc";
  auto query = make_listing_query(request);
  ASSERT_TRUE(query);
  EXPECT_EQ(query->offset(), 50);
  EXPECT_EQ(query->sort, SortOrder::kPriceDesc);
}

TEST(ListingQuery, ListsEveryInvalidParameter) {
  ListingRequest request;
  request.category = "books";
  request.min_price = 500;
  request.max_price = 100;
  request.sort = "cheapest";
  request.page = -1;
  request.page_size = 101;
  auto query = make_listing_query(request);
  ASSERT_FALSE(query);
  std::vector<std::string> fields;
  for (const auto& error : query.error().fields) fields.push_back(error.field);
  EXPECT_EQ(fields,
            (std::vector<std::string>{"category", "max_price", "sort", "page", "page_size"}));
}

TEST(ListingQuery, NegativePricesAreRefused) {
  ListingRequest request;
  request.min_price = -1;
  EXPECT_FALSE(make_listing_query(request));
}

}  // namespace
}  // namespace shop::product::models
