#include "api/product_listing.hpp"

#include <unordered_map>

#include "common/observability/logger.hpp"

namespace shop::product::api {
namespace {

search::SortOrder to_search_sort(models::SortOrder sort) {
  switch (sort) {
    case models::SortOrder::kRelevance:
      return search::SortOrder::kRelevance;
    case models::SortOrder::kPriceAsc:
      return search::SortOrder::kPriceAsc;
    case models::SortOrder::kPriceDesc:
      return search::SortOrder::kPriceDesc;
    case models::SortOrder::kName:
      return search::SortOrder::kName;
    case models::SortOrder::kNewest:
      break;
  }
  return search::SortOrder::kNewest;
}

std::optional<std::string> unless_empty(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional(text);
}

}  // namespace

search::ProductQuery to_search_query(const models::ListingQuery& query) {
  search::ProductQuery out;
  out.text = unless_empty(query.text);
  out.category_id = unless_empty(query.category_id);
  out.min_price_cents = query.min_price_cents;
  out.max_price_cents = query.max_price_cents;
  out.in_stock = query.in_stock;
  out.sort = to_search_sort(query.sort);
  out.page = query.page;
  out.page_size = query.page_size;
  return out;
}

models::ListingPage from_search_result(const search::SearchResult& result) {
  models::ListingPage page;
  for (const auto& document : result.items) {
    page.items.push_back({.id = document.id,
                          .sku = document.sku,
                          .name = document.name,
                          .description = document.description,
                          .price_cents = document.price_cents,
                          .currency = document.currency,
                          .category_id = document.category_id,
                          .stock_available = document.stock_available,
                          .created_at = document.created_at,
                          .updated_at = document.updated_at});
  }
  page.total = result.total;
  for (const auto& facet : result.categories)
    page.facets.push_back({facet.category_id, facet.count});
  return page;
}

// The index decides which products match and in what order; the database says what they
// are now (stock changes with every order, and the index learns of edits a moment later).
Task<void> use_live_products(const Deps& deps, models::ListingPage& page) {
  std::vector<std::string> ids;
  ids.reserve(page.items.size());
  for (const auto& item : page.items) ids.push_back(item.id);
  if (ids.empty()) co_return common::Result<void>{};
  auto live = co_await deps.catalog->find_products(ids);
  if (!live) co_return live.error();
  std::unordered_map<std::string, models::Product> by_id;
  for (auto& product : *live) by_id.emplace(product.id, std::move(product));
  std::vector<models::Product> items;
  for (const auto& id : ids) {
    if (auto it = by_id.find(id); it != by_id.end()) items.push_back(std::move(it->second));
  }
  page.items = std::move(items);
  co_return common::Result<void>{};
}

Task<models::ListingPage> find_listing(const Deps& deps, const models::ListingQuery& query) {
  if (deps.search) {
    const auto search_query = to_search_query(query);
    auto found = co_await deps.search->search(search_query);
    if (found) {
      auto page = from_search_result(*found);
      if (auto live = co_await use_live_products(deps, page); !live) co_return live.error();
      co_return page;
    }
    common::obs::warn("search server unavailable; listing from the database",
                      {{"error", found.error().detail}});
  }
  auto page = co_await deps.catalog->list_products(query);
  if (!page) co_return page.error();
  page->degraded = deps.search != nullptr;
  co_return page;
}

}  // namespace shop::product::api
