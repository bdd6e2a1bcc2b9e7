#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "sample_documents.hpp"
#include "search/document_json.hpp"
#include "search/search_response.hpp"

namespace shop::product::search {
namespace {

namespace json = boost::json;
using testing::sample_document;

// An answer shaped like the server's, with two hits and both aggregations.
json::object answer() {
  json::array hits;
  for (const auto* id : {"p-2", "p-1"}) {
    hits.push_back(json::object{{"_index", "products_v1"},
                                {"_id", id},
                                {"_score", nullptr},
                                {"_source", to_json(sample_document(id))},
                                {"sort", json::array{8999, id}}});
  }
  return {
      {"took", 3},
      {"timed_out", false},
      {"_shards", {{"total", 1}, {"successful", 1}, {"skipped", 0}, {"failed", 0}}},
      {"hits",
       {{"total", {{"value", 42}, {"relation", "eq"}}}, {"max_score", nullptr}, {"hits", hits}}},
      {"aggregations",
       {{"categories",
         {{"doc_count_error_upper_bound", 0},
          {"sum_other_doc_count", 0},
          {"buckets", json::parse(R"([{"key":"shoes","doc_count":30},
                                      {"key":"socks","doc_count":12}])")}}},
        {"price_ranges", {{"buckets", json::parse(R"([{"key":"*-1000","to":1000.0,"doc_count":2},
                                      {"key":"1000-5000","from":1000.0,"to":5000.0,"doc_count":0},
                                      {"key":"5000-*","from":5000.0,"doc_count":40}])")}}}}},
  };
}

common::Result<SearchResult> parse(const json::value& value) {
  return parse_search_response(json::serialize(value));
}

// Returns the answer with the JSON pointer's target replaced (or removed for nullopt).
json::value changed(std::string_view pointer, std::optional<json::value> replacement) {
  json::value value = answer();
  const auto slash = pointer.rfind('/');
  auto& parent = value.at_pointer(pointer.substr(0, slash));
  const std::string key(pointer.substr(slash + 1));
  if (parent.is_array()) {
    auto& array = parent.as_array();
    const auto index = std::stoul(key);
    if (replacement) {
      array[index] = *replacement;
    } else {
      array.erase(array.begin() + static_cast<std::ptrdiff_t>(index));
    }
  } else if (replacement) {
    parent.as_object()[key] = *replacement;
  } else {
    parent.as_object().erase(key);
  }
  return value;
}

TEST(SearchResponse, ParsesHitsInOrderWithTotalAndFacets) {
  auto result = parse(answer());
  ASSERT_TRUE(result) << result.error().detail;
  ASSERT_EQ(result->items.size(), 2U);
  EXPECT_EQ(result->items[0], sample_document("p-2"));
  EXPECT_EQ(result->items[1].id, "p-1");
  EXPECT_EQ(result->total, 42);
  EXPECT_EQ(result->categories, (std::vector<CategoryFacet>{{"shoes", 30}, {"socks", 12}}));
  ASSERT_EQ(result->price_ranges.size(), 3U);
  EXPECT_EQ(result->price_ranges[0], (PriceFacet{"*-1000", std::nullopt, 1000, 2}));
  EXPECT_EQ(result->price_ranges[1], (PriceFacet{"1000-5000", 1000, 5000, 0}));
  EXPECT_EQ(result->price_ranges[2], (PriceFacet{"5000-*", 5000, std::nullopt, 40}));
}

TEST(SearchResponse, EmptyResultIsFine) {
  auto value = changed("/hits/hits", json::array{});
  value.at_pointer("/hits/total/value") = 0;
  auto result = parse(value);
  ASSERT_TRUE(result) << result.error().detail;
  EXPECT_TRUE(result->items.empty());
  EXPECT_EQ(result->total, 0);
}

TEST(SearchResponse, TimedOutOrPartialSearchesAreUnavailable) {
  auto timed_out = parse(changed("/timed_out", true));
  ASSERT_FALSE(timed_out);
  EXPECT_EQ(timed_out.error().code, common::ErrorCode::kUnavailable);
  auto shard_failed = parse(changed("/_shards/failed", 1));
  ASSERT_FALSE(shard_failed);
  EXPECT_EQ(shard_failed.error().code, common::ErrorCode::kUnavailable);
}

TEST(SearchResponse, InexactTotalIsRefused) {
  EXPECT_FALSE(parse(changed("/hits/total/relation", "gte")));
}

TEST(SearchResponse, MalformedAnswersAreInternalErrors) {
  const std::vector<std::pair<std::string, std::optional<json::value>>> cases{
      {"/timed_out", std::nullopt},
      {"/_shards", std::nullopt},
      {"/hits", std::nullopt},
      {"/hits/total", 42},
      {"/hits/total/value", "42"},
      {"/hits/hits", json::object{}},
      {"/hits/hits/0", "p-2"},
      {"/hits/hits/0/_id", std::nullopt},
      {"/hits/hits/0/_source", std::nullopt},
      {"/hits/hits/0/_id", "another-id"},
      {"/hits/hits/0/_source/price_cents", "cheap"},
      {"/aggregations", std::nullopt},
      {"/aggregations/categories", std::nullopt},
      {"/aggregations/categories/buckets/0/doc_count", std::nullopt},
      {"/aggregations/categories/buckets/0/key", 7},
      {"/aggregations/price_ranges/buckets", std::nullopt},
      {"/aggregations/price_ranges/buckets/1/from", 10.5},
      {"/aggregations/price_ranges/buckets/1/from", "10"},
  };
  for (const auto& [pointer, replacement] : cases) {
    auto result = parse(changed(pointer, replacement));
    ASSERT_FALSE(result) << pointer << " accepted";
    EXPECT_EQ(result.error().code, common::ErrorCode::kInternal) << pointer;
  }
}

TEST(SearchResponse, NonJsonIsRefused) {
  EXPECT_FALSE(parse_search_response(""));
  EXPECT_FALSE(parse_search_response("[]"));
  EXPECT_FALSE(parse_search_response("{\"hits\":"));
  EXPECT_FALSE(parse_search_response("<html>502 Bad Gateway</html>"));
}

}  // namespace
}  // namespace shop::product::search
