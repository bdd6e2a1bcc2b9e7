#include "search/search_response.hpp"

#include <cmath>

#include "search/document_json.hpp"
#include "search/json_fields.hpp"
#include "search/search_body.hpp"

namespace shop::product::search {
namespace {

using common::Error;
using common::Result;
namespace fields = json_fields;

// Completeness: a search that timed out or lost shards answers with fewer hits.
Result<void> check_complete(const boost::json::object& answer) {
  auto timed_out = fields::boolean(answer, "timed_out");
  if (!timed_out) return timed_out.error();
  if (*timed_out) return Error::unavailable("search timed out on the search server");
  auto shards = fields::object(answer, "_shards");
  if (!shards) return shards.error();
  auto failed = fields::integer(**shards, "failed");
  if (!failed) return failed.error();
  if (*failed > 0) return Error::unavailable("search failed on some shards");
  return {};
}

Result<std::int64_t> parse_total(const boost::json::object& hits) {
  auto total = fields::object(hits, "total");
  if (!total) return total.error();
  auto relation = fields::string(**total, "relation");
  if (!relation) return relation.error();
  // The body asks for exact totals; "gte" would mean the request lost that setting.
  if (*relation != "eq") return Error::internal("search server answer: total is not exact");
  return fields::integer(**total, "value");
}

Result<std::vector<ProductDocument>> parse_items(const boost::json::object& hits) {
  auto list = fields::array(hits, "hits");
  if (!list) return list.error();
  std::vector<ProductDocument> items;
  items.reserve((*list)->size());
  for (const auto& entry : **list) {
    if (!entry.is_object()) return Error::internal("search server answer: a hit is not an object");
    auto id = fields::string(entry.get_object(), "_id");
    if (!id) return id.error();
    auto source = fields::object(entry.get_object(), "_source");
    if (!source) return source.error();
    auto document = document_from_json(**source);
    if (!document) return document.error();
    if (document->id != *id) {
      return Error::internal("search server answer: hit " + *id + " holds document " +
                             document->id);
    }
    items.push_back(std::move(*document));
  }
  return items;
}

Result<const boost::json::array*> buckets(const boost::json::object& aggregations,
                                          std::string_view name) {
  auto aggregation = fields::object(aggregations, name);
  if (!aggregation) return aggregation.error();
  return fields::array(**aggregation, "buckets");
}

Result<std::vector<CategoryFacet>> parse_categories(const boost::json::object& aggregations) {
  auto list = buckets(aggregations, kCategoryFacet);
  if (!list) return list.error();
  std::vector<CategoryFacet> facets;
  for (const auto& entry : **list) {
    if (!entry.is_object()) return Error::internal("search server answer: bad category bucket");
    auto key = fields::string(entry.get_object(), "key");
    if (!key) return key.error();
    auto count = fields::integer(entry.get_object(), "doc_count");
    if (!count) return count.error();
    facets.push_back({std::move(*key), *count});
  }
  return facets;
}

// Range bounds come back as JSON doubles (1000.0) even on a long field.
Result<std::optional<std::int64_t>> optional_bound(const boost::json::object& bucket,
                                                   std::string_view key) {
  const auto* value = bucket.if_contains(key);
  if (value == nullptr) return std::optional<std::int64_t>{};
  if (value->is_int64()) return std::optional<std::int64_t>{value->get_int64()};
  if (value->is_double() && std::trunc(value->get_double()) == value->get_double() &&
      std::abs(value->get_double()) < 9.0e15) {
    return std::optional<std::int64_t>{static_cast<std::int64_t>(value->get_double())};
  }
  return Error::internal("search server answer: price bucket bound is not a whole number");
}

Result<std::vector<PriceFacet>> parse_prices(const boost::json::object& aggregations) {
  auto list = buckets(aggregations, kPriceFacet);
  if (!list) return list.error();
  std::vector<PriceFacet> facets;
  for (const auto& entry : **list) {
    if (!entry.is_object()) return Error::internal("search server answer: bad price bucket");
    const auto& bucket = entry.get_object();
    auto key = fields::string(bucket, "key");
    if (!key) return key.error();
    auto count = fields::integer(bucket, "doc_count");
    if (!count) return count.error();
    auto from = optional_bound(bucket, "from");
    if (!from) return from.error();
    auto to = optional_bound(bucket, "to");
    if (!to) return to.error();
    facets.push_back({std::move(*key), *from, *to, *count});
  }
  return facets;
}

}  // namespace

Result<SearchResult> parse_search_response(std::string_view body) {
  auto answer = fields::parse_object(body, "search server answer");
  if (!answer) return answer.error();
  if (auto complete = check_complete(*answer); !complete) return complete.error();
  auto hits = fields::object(*answer, "hits");
  if (!hits) return hits.error();

  SearchResult result;
  auto total = parse_total(**hits);
  if (!total) return total.error();
  result.total = *total;
  auto items = parse_items(**hits);
  if (!items) return items.error();
  result.items = std::move(*items);

  auto aggregations = fields::object(*answer, "aggregations");
  if (!aggregations) return aggregations.error();
  auto categories = parse_categories(**aggregations);
  if (!categories) return categories.error();
  result.categories = std::move(*categories);
  auto prices = parse_prices(**aggregations);
  if (!prices) return prices.error();
  result.price_ranges = std::move(*prices);
  return result;
}

}  // namespace shop::product::search
