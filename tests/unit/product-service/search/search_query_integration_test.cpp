// Relevance, typo tolerance, filters, sort orders, paging and facets, checked on what
// the real search server answers for a small catalog.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "sample_documents.hpp"
#include "search_index_fixture.hpp"

namespace shop::product::search::testing {
namespace {

struct Product {
  const char* id;
  const char* name;
  const char* description;
  std::int64_t price_cents;
  std::vector<std::string> category_path;  // own category first
  std::int64_t stock;
  const char* created_at;
};

// electronics > computers > laptops, electronics > phones, and home.
const std::vector<Product> kCatalog{
    {"l1",
     "Laptop Pro 14",
     "Aluminium ultrabook with a bright screen",
     149'900,
     {"laptops", "computers", "electronics"},
     5,
     "2026-01-05T10:00:00Z"},
    {"l2",
     "Budget laptop 15",
     "Plain and sturdy for school work",
     49'900,
     {"laptops", "computers", "electronics"},
     0,
     "2026-01-03T10:00:00Z"},
    {"d1",
     "Desktop tower",
     "Quiet computer for the office, pairs with any laptop dock",
     89'900,
     {"computers", "electronics"},
     2,
     "2026-01-04T10:00:00Z"},
    {"p1",
     "Phone case",
     "Slim case in five colours",
     1'999,
     {"phones", "electronics"},
     100,
     "2026-01-02T10:00:00Z"},
    {"h1",
     "Desk lamp",
     "Warm light for late laptop sessions",
     3'999,
     {"home"},
     7,
     "2026-01-01T10:00:00Z"},
    {"h2", "Zebra rug", "Striped rug, hand woven", 12'999, {"home"}, 0, "2026-01-06T10:00:00Z"},
};

ProductDocument to_document(const Product& product) {
  auto document = sample_document(product.id, product.name);
  document.sku = std::string("SKU-") + product.id;
  document.description = product.description;
  document.price_cents = product.price_cents;
  document.category_id = product.category_path.front();
  document.category_path = product.category_path;
  document.stock_available = product.stock;
  document.in_stock = product.stock > 0;
  document.created_at = product.created_at;
  document.updated_at = product.created_at;
  return document;
}

std::vector<std::string> ids_of(const SearchResult& result) {
  std::vector<std::string> ids;
  for (const auto& item : result.items) ids.push_back(item.id);
  return ids;
}

std::vector<std::string> sorted(std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

using Ids = std::vector<std::string>;

class SearchQueryTest : public SearchIndexTest {
 protected:
  void SetUp() override {
    SearchIndexTest::SetUp();
    if (HasFatalFailure()) return;
    auto created = run(index_->ensure_index());
    ASSERT_TRUE(created) << created.error().detail;
    std::vector<ProductDocument> documents;
    for (const auto& product : kCatalog) documents.push_back(to_document(product));
    auto outcome = run(index_->bulk_index(documents));
    ASSERT_TRUE(outcome) << outcome.error().detail;
    ASSERT_EQ(outcome->indexed, kCatalog.size());
    ASSERT_TRUE(run(index_->refresh()));
  }

  SearchResult search(ProductQuery query) {
    auto result = run(index_->search(std::move(query)));
    EXPECT_TRUE(result) << result.error().detail;
    return result ? *result : SearchResult{};
  }

  Ids ids(ProductQuery query) { return ids_of(search(std::move(query))); }
};

TEST_F(SearchQueryTest, DocumentsComeBackWhole) {
  const auto result = search({.text = "zebra"});
  ASSERT_EQ(result.items.size(), 1U);
  EXPECT_EQ(result.items[0], to_document(kCatalog[5]));
}

TEST_F(SearchQueryTest, NameMatchesRankAboveDescriptionMatches) {
  const auto result = search({.text = "laptop"});
  EXPECT_EQ(result.total, 4);
  const auto found = ids_of(result);
  ASSERT_EQ(found.size(), 4U);
  EXPECT_EQ(sorted({found[0], found[1]}), (Ids{"l1", "l2"}));
  EXPECT_EQ(sorted({found[2], found[3]}), (Ids{"d1", "h1"}));
}

TEST_F(SearchQueryTest, TyposAreTolerated) {
  const auto found = ids({.text = "lapotp"});
  ASSERT_GE(found.size(), 2U);
  EXPECT_EQ(sorted({found[0], found[1]}), (Ids{"l1", "l2"}));
  EXPECT_EQ(ids({.text = "zebar rug"}), (Ids{"h2"}));
}

TEST_F(SearchQueryTest, EnglishStemmingMatchesPlurals) {
  const auto found = ids({.text = "laptops"});
  EXPECT_EQ(found.size(), 4U);
  EXPECT_EQ(ids({.text = "lamps"}), (Ids{"h1"}));
}

TEST_F(SearchQueryTest, NamePrefixesMatchWhileTyping) {
  EXPECT_EQ(sorted(ids({.text = "lapt"})), (Ids{"l1", "l2"}));
  EXPECT_EQ(sorted(ids({.text = "desk"})), (Ids{"d1", "h1"}));
  EXPECT_EQ(ids({.text = "zeb"}), (Ids{"h2"}));
}

TEST_F(SearchQueryTest, SkuMatchesIgnoringCase) {
  EXPECT_EQ(ids({.text = "sku-p1"}), (Ids{"p1"}));
  EXPECT_EQ(ids({.text = "SKU-H2"}), (Ids{"h2"}));
}

TEST_F(SearchQueryTest, WordsNotInTheCatalogFindNothing) {
  const auto result = search({.text = "trampoline"});
  EXPECT_EQ(result.total, 0);
  EXPECT_TRUE(result.items.empty());
}

TEST_F(SearchQueryTest, CategoryFilterIncludesSubCategories) {
  EXPECT_EQ(sorted(ids({.category_id = "laptops"})), (Ids{"l1", "l2"}));
  EXPECT_EQ(sorted(ids({.category_id = "computers"})), (Ids{"d1", "l1", "l2"}));
  EXPECT_EQ(sorted(ids({.category_id = "electronics"})), (Ids{"d1", "l1", "l2", "p1"}));
  EXPECT_EQ(sorted(ids({.category_id = "home"})), (Ids{"h1", "h2"}));
  EXPECT_TRUE(ids({.category_id = "garden"}).empty());
}

TEST_F(SearchQueryTest, PriceRangeIsInclusive) {
  EXPECT_EQ(sorted(ids({.min_price_cents = 3'999, .max_price_cents = 49'900})),
            (Ids{"h1", "h2", "l2"}));
  EXPECT_EQ(sorted(ids({.min_price_cents = 89'900})), (Ids{"d1", "l1"}));
  EXPECT_EQ(ids({.max_price_cents = 1'999}), (Ids{"p1"}));
  EXPECT_TRUE(ids({.min_price_cents = 2'000, .max_price_cents = 3'998}).empty());
}

TEST_F(SearchQueryTest, InStockFilter) {
  EXPECT_EQ(sorted(ids({.in_stock = true})), (Ids{"d1", "h1", "l1", "p1"}));
  EXPECT_EQ(sorted(ids({.in_stock = false})), (Ids{"h2", "l2"}));
}

TEST_F(SearchQueryTest, TextAndFiltersCombine) {
  EXPECT_EQ(sorted(ids({.text = "laptop", .in_stock = true})), (Ids{"d1", "h1", "l1"}));
  EXPECT_EQ(ids({.text = "laptop", .category_id = "laptops", .max_price_cents = 50'000}),
            (Ids{"l2"}));
}

TEST_F(SearchQueryTest, SortOrders) {
  EXPECT_EQ(ids({.sort = SortOrder::kPriceAsc}), (Ids{"p1", "h1", "h2", "l2", "d1", "l1"}));
  EXPECT_EQ(ids({.sort = SortOrder::kPriceDesc}), (Ids{"l1", "d1", "l2", "h2", "h1", "p1"}));
  EXPECT_EQ(ids({.sort = SortOrder::kNewest}), (Ids{"h2", "l1", "d1", "l2", "p1", "h1"}));
  EXPECT_EQ(ids({.sort = SortOrder::kName}), (Ids{"l2", "h1", "d1", "l1", "p1", "h2"}));
  // Relevance without text has no scores to go by: newest first.
  EXPECT_EQ(ids({.sort = SortOrder::kRelevance}), ids({.sort = SortOrder::kNewest}));
  EXPECT_EQ(ids({.text = "laptop", .sort = SortOrder::kPriceAsc}), (Ids{"h1", "l2", "d1", "l1"}));
}

TEST_F(SearchQueryTest, PagesSliceTheSortedResult) {
  const auto query = [](std::int64_t page) {
    return ProductQuery{.sort = SortOrder::kPriceAsc, .page = page, .page_size = 4};
  };
  const auto first = search(query(1));
  const auto second = search(query(2));
  const auto third = search(query(3));
  EXPECT_EQ(ids_of(first), (Ids{"p1", "h1", "h2", "l2"}));
  EXPECT_EQ(ids_of(second), (Ids{"d1", "l1"}));
  EXPECT_TRUE(third.items.empty());
  for (const auto* result : {&first, &second, &third}) EXPECT_EQ(result->total, 6);
}

TEST_F(SearchQueryTest, FacetsCountTheWholeResult) {
  const auto result = search({.page_size = 1});
  std::map<std::string, std::int64_t> categories;
  for (const auto& facet : result.categories) categories[facet.category_id] = facet.count;
  EXPECT_EQ(categories, (std::map<std::string, std::int64_t>{
                            {"computers", 1}, {"home", 2}, {"laptops", 2}, {"phones", 1}}));
  ASSERT_EQ(result.price_ranges.size(), 5U);
  std::vector<std::int64_t> price_counts;
  for (const auto& facet : result.price_ranges) price_counts.push_back(facet.count);
  EXPECT_EQ(price_counts, (std::vector<std::int64_t>{0, 2, 0, 2, 2}));
  EXPECT_EQ(result.price_ranges[1].from_cents, 1'000);
  EXPECT_EQ(result.price_ranges[1].to_cents, 5'000);
}

TEST_F(SearchQueryTest, FacetsFollowTheFilters) {
  const auto result = search({.category_id = "electronics"});
  std::map<std::string, std::int64_t> categories;
  for (const auto& facet : result.categories) categories[facet.category_id] = facet.count;
  EXPECT_EQ(categories,
            (std::map<std::string, std::int64_t>{{"computers", 1}, {"laptops", 2}, {"phones", 1}}));
}

TEST_F(SearchQueryTest, InvalidQueriesAreRefusedBeforeAnyRequest) {
  auto result = run(index_->search({.page = 0}));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, common::ErrorCode::kValidation);
}

}  // namespace
}  // namespace shop::product::search::testing
