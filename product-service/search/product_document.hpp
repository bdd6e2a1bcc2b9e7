#pragma once
// What the search index holds for one product: the fields a catalog listing shows and
// filters on, denormalised so a search answers without touching PostgreSQL.

#include <cstdint>
#include <string>
#include <vector>

namespace shop::product::search {

struct ProductDocument {
  std::string id;  // UUID, also the index document's _id
  std::string sku;
  std::string name;
  std::string description;
  std::int64_t price_cents = 0;
  std::string currency;  // ISO 4217
  std::string category_id;
  // The category and all its ancestors, so filtering by a parent category also finds
  // products filed under its sub-categories.
  std::vector<std::string> category_path;
  std::int64_t stock_available = 0;
  bool in_stock = false;
  std::string created_at;  // RFC 3339 UTC
  std::string updated_at;  // RFC 3339 UTC

  bool operator==(const ProductDocument&) const = default;
};

}  // namespace shop::product::search
