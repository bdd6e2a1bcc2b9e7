#include "search/search_body.hpp"

#include <boost/json/array.hpp>

#include <string>
#include <string_view>

#include "search/index_definition.hpp"

namespace shop::product::search {
namespace {

using common::FieldError;

std::string_view trimmed(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

std::vector<FieldError> validate(const ProductQuery& query) {
  std::vector<FieldError> errors;
  if (query.text && trimmed(*query.text).size() > kMaxQueryTextLength) {
    errors.push_back(
        {"q", "must be at most " + std::to_string(kMaxQueryTextLength) + " characters"});
  }
  if (query.category_id && query.category_id->empty()) {
    errors.push_back({"category", "must not be empty"});
  }
  if (query.min_price_cents && *query.min_price_cents < 0) {
    errors.push_back({"min_price", "must not be negative"});
  }
  if (query.max_price_cents && *query.max_price_cents < 0) {
    errors.push_back({"max_price", "must not be negative"});
  }
  if (query.min_price_cents && query.max_price_cents &&
      *query.min_price_cents > *query.max_price_cents) {
    errors.push_back({"max_price", "must not be below min_price"});
  }
  const bool page_size_ok = query.page_size >= 1 && query.page_size <= kMaxPageSize;
  if (!page_size_ok) {
    errors.push_back({"page_size", "must be between 1 and " + std::to_string(kMaxPageSize)});
  }
  if (query.page < 1) {
    errors.push_back({"page", "must be 1 or more"});
  } else if (page_size_ok && query.page > kMaxResultWindow / query.page_size) {
    errors.push_back({"page", "goes past the first " + std::to_string(kMaxResultWindow) +
                                  " results; narrow the search instead"});
  }
  return errors;
}

// Typo-tolerant match on name (weighted) and description; a prefix match on the name
// so results appear while the customer is still typing; an exact phrase in the name
// ranks above scattered words; an exact SKU (any case) ranks first. Any one of them
// makes a hit. SKUs are never matched fuzzily: "SKU-0012" is one edit from "SKU-0013".
boost::json::array text_clauses(std::string_view text) {
  boost::json::array clauses;
  clauses.push_back(boost::json::object{{"multi_match",
                                         {{"query", text},
                                          {"type", "best_fields"},
                                          {"fields", boost::json::array{"name^3", "description"}},
                                          {"fuzziness", "AUTO"},
                                          // The first letter is rarely the typo; fixing it
                                          // keeps fuzzy matching fast.
                                          {"prefix_length", 1},
                                          {"operator", "and"}}}});
  clauses.push_back(
      boost::json::object{{"match", {{kNamePrefixField, {{"query", text}, {"operator", "and"}}}}}});
  clauses.push_back(
      boost::json::object{{"match_phrase", {{"name", {{"query", text}, {"boost", 2}}}}}});
  clauses.push_back(boost::json::object{{"term", {{"sku", {{"value", text}, {"boost", 10}}}}}});
  return clauses;
}

boost::json::array filters(const ProductQuery& query) {
  boost::json::array filter;
  if (query.category_id) {
    filter.push_back(boost::json::object{{"term", {{"category_path", *query.category_id}}}});
  }
  if (query.min_price_cents || query.max_price_cents) {
    boost::json::object range;
    if (query.min_price_cents) range["gte"] = *query.min_price_cents;
    if (query.max_price_cents) range["lte"] = *query.max_price_cents;
    filter.push_back(boost::json::object{{"range", {{"price_cents", std::move(range)}}}});
  }
  if (query.in_stock) {
    filter.push_back(boost::json::object{{"term", {{"in_stock", *query.in_stock}}}});
  }
  return filter;
}

boost::json::object by(std::string_view field, std::string_view order) {
  return {{field, {{"order", order}}}};
}

// Every order ends with the product id, so equal keys still page deterministically.
boost::json::array sort_clauses(SortOrder order, bool has_text) {
  if (order == SortOrder::kRelevance && !has_text) order = SortOrder::kNewest;
  boost::json::array sort;
  switch (order) {
    case SortOrder::kRelevance:
      sort.push_back(by("_score", "desc"));
      sort.push_back(by("created_at", "desc"));
      break;
    case SortOrder::kPriceAsc:
      sort.push_back(by("price_cents", "asc"));
      break;
    case SortOrder::kPriceDesc:
      sort.push_back(by("price_cents", "desc"));
      break;
    case SortOrder::kNewest:
      sort.push_back(by("created_at", "desc"));
      break;
    case SortOrder::kName:
      sort.push_back(by(kNameSortField, "asc"));
      break;
  }
  sort.push_back(by("id", "asc"));
  return sort;
}

boost::json::object price_ranges(const std::vector<std::int64_t>& bounds) {
  boost::json::array ranges;
  for (std::size_t i = 0; i <= bounds.size(); ++i) {
    boost::json::object range;
    std::string key = i == 0 ? "*" : std::to_string(bounds[i - 1]);
    key += '-';
    key += i == bounds.size() ? "*" : std::to_string(bounds[i]);
    range["key"] = key;
    if (i > 0) range["from"] = bounds[i - 1];
    if (i < bounds.size()) range["to"] = bounds[i];
    ranges.push_back(std::move(range));
  }
  return {{"range", {{"field", "price_cents"}, {"ranges", std::move(ranges)}}}};
}

}  // namespace

common::Result<boost::json::object> build_search_body(const ProductQuery& query,
                                                      const SearchBodyOptions& options) {
  if (auto errors = validate(query); !errors.empty()) {
    return common::Error::validation(std::move(errors));
  }
  const std::string_view text = query.text ? trimmed(*query.text) : std::string_view{};

  boost::json::object conditions;
  if (!text.empty()) {
    conditions["should"] = text_clauses(text);
    conditions["minimum_should_match"] = 1;
  }
  if (auto filter = filters(query); !filter.empty()) conditions["filter"] = std::move(filter);
  boost::json::object match;
  if (conditions.empty()) {
    match["match_all"] = boost::json::object{};
  } else {
    match["bool"] = std::move(conditions);
  }

  boost::json::object aggregations;
  aggregations[kCategoryFacet] = {
      {"terms", {{"field", "category_id"}, {"size", options.max_category_facets}}}};
  aggregations[kPriceFacet] = price_ranges(options.price_bounds_cents);

  return boost::json::object{
      {"from", (query.page - 1) * query.page_size},
      {"size", query.page_size},
      // Exact totals: the default stops counting at 10 000.
      {"track_total_hits", true},
      {"query", std::move(match)},
      {"sort", sort_clauses(query.sort, !text.empty())},
      {"aggs", std::move(aggregations)},
  };
}

}  // namespace shop::product::search
