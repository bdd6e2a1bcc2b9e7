#pragma once
// What a catalog listing asks for, checked once, the same for the search server and for
// the database that answers when the search server cannot.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "models/product.hpp"

namespace shop::product::models {

enum class SortOrder { kRelevance, kNewest, kPriceAsc, kPriceDesc, kName };

inline constexpr int kDefaultPageSize = 20;
inline constexpr int kMaxPageSize = 100;
inline constexpr int kMaxPage = 1000;  // deeper pages are a crawler's, not a shopper's

struct ListingRequest {  // as the caller sent it; 0 and "" mean "not given"
  std::string q;
  std::string category;
  std::optional<std::int64_t> min_price;
  std::optional<std::int64_t> max_price;
  std::optional<bool> in_stock;
  std::string sort;
  int page = 0;
  int page_size = 0;
};

struct ListingQuery {
  std::string text;         // empty: no text match
  std::string category_id;  // empty: all; else this category and its descendants
  std::optional<std::int64_t> min_price_cents;
  std::optional<std::int64_t> max_price_cents;
  std::optional<bool> in_stock;
  SortOrder sort = SortOrder::kNewest;
  int page = 1;
  int page_size = kDefaultPageSize;

  std::int64_t offset() const { return std::int64_t{page - 1} * page_size; }
};

struct CategoryCount {
  std::string category_id;
  std::int64_t count = 0;
};

struct ListingPage {
  std::vector<Product> items;
  std::int64_t total = 0;
  std::vector<CategoryCount> facets;
  bool degraded = false;
};

// Every invalid parameter as a field error (kValidation).
common::Result<ListingQuery> make_listing_query(const ListingRequest& request);

}  // namespace shop::product::models
