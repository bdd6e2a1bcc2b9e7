#pragma once
// The catalog as the domain sees it: plain data, no I/O. Money is integer minor units
// plus an ISO 4217 currency.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace shop::product::models {

struct Product {
  std::string id;
  std::string sku;
  std::string name;
  std::string description;
  std::int64_t price_cents = 0;
  std::string currency;
  std::string category_id;  // empty: uncategorized
  std::int64_t stock_available = 0;
  std::string created_at;  // RFC 3339 UTC
  std::string updated_at;
};

struct NewProduct {
  std::string sku;
  std::string name;
  std::string description;
  std::int64_t price_cents = 0;
  std::string currency;
  std::string category_id;
};

struct ProductChange {
  std::optional<std::string> sku;
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::optional<std::int64_t> price_cents;
  std::optional<std::string> currency;
  std::optional<std::string> category_id;  // empty string: remove the category
};

struct Category {
  std::string id;
  std::string name;
  std::string parent_id;  // empty: top level
  std::string created_at;
};

struct NewCategory {
  std::string name;
  std::string parent_id;
};

}  // namespace shop::product::models
