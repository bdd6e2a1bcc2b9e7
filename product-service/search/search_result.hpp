#pragma once
// One page of search hits with the total and the facet counts for the whole result.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "search/product_document.hpp"

namespace shop::product::search {

struct CategoryFacet {
  std::string category_id;
  std::int64_t count = 0;
  bool operator==(const CategoryFacet&) const = default;
};

struct PriceFacet {
  std::string key;                         // "<from>-<to>" in cents, "*" for an open end
  std::optional<std::int64_t> from_cents;  // inclusive
  std::optional<std::int64_t> to_cents;    // exclusive
  std::int64_t count = 0;
  bool operator==(const PriceFacet&) const = default;
};

struct SearchResult {
  std::vector<ProductDocument> items;     // in the requested order
  std::int64_t total = 0;                 // all hits, not just this page
  std::vector<CategoryFacet> categories;  // most products first
  std::vector<PriceFacet> price_ranges;   // cheapest bucket first
};

}  // namespace shop::product::search
