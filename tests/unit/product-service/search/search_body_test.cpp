#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "search/search_body.hpp"

namespace shop::product::search {
namespace {

namespace json = boost::json;

json::object body_for(const ProductQuery& query, const SearchBodyOptions& options = {}) {
  auto body = build_search_body(query, options);
  EXPECT_TRUE(body) << body.error().detail;
  return body ? *body : json::object{};
}

std::vector<common::FieldError> errors_for(const ProductQuery& query) {
  auto body = build_search_body(query);
  EXPECT_FALSE(body) << "accepted: " << json::serialize(*body);
  if (body) return {};
  EXPECT_EQ(body.error().code, common::ErrorCode::kValidation);
  return body.error().fields;
}

bool has_field_error(const std::vector<common::FieldError>& errors, std::string_view field) {
  for (const auto& error : errors) {
    if (error.field == field) return true;
  }
  return false;
}

const json::array& filters(const json::object& body) {
  return body.at("query").as_object().at("bool").as_object().at("filter").as_array();
}

const json::array& shoulds(const json::object& body) {
  return body.at("query").as_object().at("bool").as_object().at("should").as_array();
}

std::vector<std::string> sort_fields(const json::object& body) {
  std::vector<std::string> fields;
  for (const auto& clause : body.at("sort").as_array()) {
    const auto& object = clause.as_object();
    EXPECT_EQ(object.size(), 1U);
    const auto& [field, spec] = *object.begin();
    fields.push_back(std::string(field) + ":" + std::string(spec.at("order").as_string()));
  }
  return fields;
}

TEST(SearchBody, NoCriteriaMatchesEverythingNewestFirst) {
  const auto body = body_for({});
  EXPECT_EQ(body.at("query"), json::parse(R"({"match_all":{}})"));
  EXPECT_EQ(sort_fields(body), (std::vector<std::string>{"created_at:desc", "id:asc"}));
  EXPECT_EQ(body.at("from").as_int64(), 0);
  EXPECT_EQ(body.at("size").as_int64(), 20);
  EXPECT_EQ(body.at("track_total_hits"), true);
}

TEST(SearchBody, TextIsTypoTolerantOverWeightedNameAndDescription) {
  const auto body = body_for({.text = "lapotp"});
  const auto& bool_query = body.at("query").as_object().at("bool").as_object();
  EXPECT_EQ(bool_query.at("minimum_should_match").as_int64(), 1);
  EXPECT_FALSE(bool_query.contains("filter"));
  const auto& multi = shoulds(body).at(0).as_object().at("multi_match").as_object();
  EXPECT_EQ(multi.at("query").as_string(), "lapotp");
  EXPECT_EQ(multi.at("fields"), json::parse(R"(["name^3","description"])"));
  EXPECT_EQ(multi.at("fuzziness").as_string(), "AUTO");
  EXPECT_EQ(multi.at("operator").as_string(), "and");
}

TEST(SearchBody, TextAlsoMatchesNamePrefixesAndRewardsExactPhrases) {
  const auto body = body_for({.text = "lap"});
  ASSERT_EQ(shoulds(body).size(), 4U);
  EXPECT_EQ(shoulds(body).at(1),
            json::parse(R"({"match":{"name.prefix":{"query":"lap","operator":"and"}}})"));
  EXPECT_EQ(shoulds(body).at(2),
            json::parse(R"({"match_phrase":{"name":{"query":"lap","boost":2}}})"));
}

TEST(SearchBody, SkuMatchesOnlyExactlyAndRanksFirst) {
  const auto body = body_for({.text = "SKU-0012"});
  EXPECT_EQ(shoulds(body).at(3),
            json::parse(R"({"term":{"sku":{"value":"SKU-0012","boost":10}}})"));
  for (const auto& clause : shoulds(body)) {
    if (!clause.as_object().contains("multi_match")) continue;
    for (const auto& field : clause.at("multi_match").at("fields").as_array()) {
      EXPECT_FALSE(field.as_string().starts_with("sku")) << "SKUs must not match fuzzily";
    }
  }
}

TEST(SearchBody, TextIsTrimmedAndBlankTextMeansNoText) {
  const auto padded = body_for({.text = "  red shoe \t"});
  EXPECT_EQ(shoulds(padded).at(0).at("multi_match").at("query").as_string(), "red shoe");
  const auto blank = body_for({.text = "   "});
  EXPECT_EQ(blank.at("query"), json::parse(R"({"match_all":{}})"));
}

TEST(SearchBody, TextWithJsonSpecialCharactersStaysData) {
  const std::string text = R"(a "quoted" \ name})";
  const auto body = body_for({.text = text});
  const auto reparsed = json::parse(json::serialize(body));
  EXPECT_EQ(
      reparsed.at("query").at("bool").at("should").at(0).at("multi_match").at("query").as_string(),
      text);
}

TEST(SearchBody, RelevanceSortsByScoreWhenThereIsText) {
  const auto body = body_for({.text = "shoe", .sort = SortOrder::kRelevance});
  EXPECT_EQ(sort_fields(body),
            (std::vector<std::string>{"_score:desc", "created_at:desc", "id:asc"}));
}

TEST(SearchBody, EverySortOrderEndsWithTheIdTieBreaker) {
  const std::vector<std::pair<SortOrder, std::vector<std::string>>> cases{
      {SortOrder::kPriceAsc, {"price_cents:asc", "id:asc"}},
      {SortOrder::kPriceDesc, {"price_cents:desc", "id:asc"}},
      {SortOrder::kNewest, {"created_at:desc", "id:asc"}},
      {SortOrder::kName, {"name.sort:asc", "id:asc"}},
  };
  for (const auto& [order, expected] : cases) {
    EXPECT_EQ(sort_fields(body_for({.text = "shoe", .sort = order})), expected)
        << sort_order_name(order);
    EXPECT_EQ(sort_fields(body_for({.sort = order})), expected) << sort_order_name(order);
  }
}

TEST(SearchBody, CategoryFiltersOnTheCategoryPath) {
  const auto body = body_for({.category_id = "electronics"});
  ASSERT_EQ(filters(body).size(), 1U);
  EXPECT_EQ(filters(body).at(0), json::parse(R"({"term":{"category_path":"electronics"}})"));
  EXPECT_FALSE(body.at("query").at("bool").as_object().contains("should"));
}

TEST(SearchBody, PriceRangeBoundsAreInclusiveAndOptional) {
  EXPECT_EQ(filters(body_for({.min_price_cents = 100, .max_price_cents = 500})).at(0),
            json::parse(R"({"range":{"price_cents":{"gte":100,"lte":500}}})"));
  EXPECT_EQ(filters(body_for({.min_price_cents = 100})).at(0),
            json::parse(R"({"range":{"price_cents":{"gte":100}}})"));
  EXPECT_EQ(filters(body_for({.max_price_cents = 0})).at(0),
            json::parse(R"({"range":{"price_cents":{"lte":0}}})"));
}

TEST(SearchBody, InStockFilterBothWays) {
  EXPECT_EQ(filters(body_for({.in_stock = true})).at(0),
            json::parse(R"({"term":{"in_stock":true}})"));
  EXPECT_EQ(filters(body_for({.in_stock = false})).at(0),
            json::parse(R"({"term":{"in_stock":false}})"));
}

TEST(SearchBody, FiltersCombineWithTextInFilterContext) {
  const auto body = body_for({.text = "shoe",
                              .category_id = "c1",
                              .min_price_cents = 1,
                              .max_price_cents = 2,
                              .in_stock = true});
  EXPECT_EQ(filters(body).size(), 3U);
  EXPECT_EQ(shoulds(body).size(), 4U);
  EXPECT_FALSE(body.at("query").at("bool").as_object().contains("must"));
}

TEST(SearchBody, PagesAreOneBased) {
  const auto first = body_for({.page = 1, .page_size = 10});
  EXPECT_EQ(first.at("from").as_int64(), 0);
  const auto third = body_for({.page = 3, .page_size = 25});
  EXPECT_EQ(third.at("from").as_int64(), 50);
  EXPECT_EQ(third.at("size").as_int64(), 25);
}

TEST(SearchBody, PagingStopsAtTheResultWindow) {
  EXPECT_TRUE(build_search_body({.page = 100, .page_size = 100}));
  EXPECT_TRUE(has_field_error(errors_for({.page = 101, .page_size = 100}), "page"));
  EXPECT_TRUE(build_search_body({.page = 10'000, .page_size = 1}));
  EXPECT_TRUE(has_field_error(errors_for({.page = 10'001, .page_size = 1}), "page"));
}

TEST(SearchBody, InvalidPagingIsRefused) {
  EXPECT_TRUE(has_field_error(errors_for({.page = 0}), "page"));
  EXPECT_TRUE(has_field_error(errors_for({.page = -3}), "page"));
  EXPECT_TRUE(has_field_error(errors_for({.page_size = 0}), "page_size"));
  EXPECT_TRUE(has_field_error(errors_for({.page_size = 101}), "page_size"));
  EXPECT_TRUE(build_search_body({.page_size = 1}));
  EXPECT_TRUE(build_search_body({.page_size = 100}));
}

TEST(SearchBody, InvalidPricesAreRefused) {
  EXPECT_TRUE(has_field_error(errors_for({.min_price_cents = -1}), "min_price"));
  EXPECT_TRUE(has_field_error(errors_for({.max_price_cents = -1}), "max_price"));
  EXPECT_TRUE(
      has_field_error(errors_for({.min_price_cents = 10, .max_price_cents = 9}), "max_price"));
  EXPECT_TRUE(build_search_body({.min_price_cents = 10, .max_price_cents = 10}));
}

TEST(SearchBody, EmptyCategoryAndOverlongTextAreRefused) {
  EXPECT_TRUE(has_field_error(errors_for({.category_id = ""}), "category"));
  EXPECT_TRUE(
      has_field_error(errors_for({.text = std::string(kMaxQueryTextLength + 1, 'a')}), "q"));
  EXPECT_TRUE(build_search_body({.text = std::string(kMaxQueryTextLength, 'a')}));
}

TEST(SearchBody, AllProblemsAreReportedTogether) {
  const auto errors = errors_for({.min_price_cents = -1, .page = 0, .page_size = 500});
  EXPECT_EQ(errors.size(), 3U);
}

TEST(SearchBody, CategoryFacetCountsPerCategoryId) {
  const auto body = body_for({}, {.max_category_facets = 7});
  EXPECT_EQ(body.at("aggs").at(kCategoryFacet),
            json::parse(R"({"terms":{"field":"category_id","size":7}})"));
}

TEST(SearchBody, PriceFacetBucketsCoverEveryPrice) {
  const auto body = body_for({}, {.price_bounds_cents = {1000, 5000}});
  EXPECT_EQ(body.at("aggs").at(kPriceFacet), json::parse(R"({"range":{"field":"price_cents",
      "ranges":[{"key":"*-1000","to":1000},{"key":"1000-5000","from":1000,"to":5000},
                {"key":"5000-*","from":5000}]}})"));
}

TEST(SearchBody, NoPriceBoundsGiveOneBucket) {
  const auto body = body_for({}, {.price_bounds_cents = {}});
  EXPECT_EQ(body.at("aggs").at(kPriceFacet).at("range").at("ranges"),
            json::parse(R"([{"key":"*-*"}])"));
}

TEST(SortOrderNames, RoundTrip) {
  for (const auto* name : {"relevance", "price_asc", "price_desc", "newest", "name"}) {
    const auto order = parse_sort_order(name);
    ASSERT_TRUE(order) << name;
    EXPECT_EQ(sort_order_name(*order), name);
  }
  EXPECT_FALSE(parse_sort_order("price"));
  EXPECT_FALSE(parse_sort_order(""));
  EXPECT_FALSE(parse_sort_order("Name"));
}

}  // namespace
}  // namespace shop::product::search
