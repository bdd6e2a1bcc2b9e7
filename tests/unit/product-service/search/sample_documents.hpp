#pragma once
// Product documents for tests: every field filled, the few a test cares about set.

#include <string>
#include <vector>

#include "search/product_document.hpp"

namespace shop::product::search::testing {

inline ProductDocument sample_document(std::string id, std::string name = "Trail running shoe") {
  ProductDocument document;
  document.id = std::move(id);
  document.sku = "SKU-" + document.id;
  document.name = std::move(name);
  document.description = "Light and grippy on wet rock.";
  document.price_cents = 8'999;
  document.currency = "EUR";
  document.category_id = "shoes";
  document.category_path = {"shoes", "sport"};
  document.stock_available = 12;
  document.in_stock = true;
  document.created_at = "2026-01-02T03:04:05Z";
  document.updated_at = "2026-01-03T03:04:05Z";
  return document;
}

}  // namespace shop::product::search::testing
