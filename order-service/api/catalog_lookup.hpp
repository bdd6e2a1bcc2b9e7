#pragma once
// Today's names and prices from product-service for the products some lines name.

#include <string>
#include <unordered_map>
#include <vector>

#include "api/deps.hpp"
#include "common/grpc/call_context.hpp"

namespace shop::order::api {

using Catalog = std::unordered_map<std::string, clients::CatalogEntry>;

// By product id; products that are gone (unknown or deleted) are absent. `lines` is any
// range of values with a product_id (cart lines, requested order lines).
template <class Lines>
Task<Catalog> catalog_for(const Deps& deps, const Lines& lines,
                          const common::grpc_glue::CallContext& call) {
  std::vector<std::string> ids;
  ids.reserve(lines.size());
  for (const auto& line : lines) ids.push_back(line.product_id);
  auto products = co_await deps.stock->find_products(ids, call);
  if (!products) co_return products.error();
  Catalog by_id;
  for (auto& product : *products) {
    auto id = product.product_id;
    by_id.insert_or_assign(std::move(id), std::move(product));
  }
  co_return by_id;
}

}  // namespace shop::order::api
