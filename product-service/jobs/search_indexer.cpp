#include "jobs/search_indexer.hpp"

#include <algorithm>

#include "common/observability/logger.hpp"
#include "common/text.hpp"

namespace shop::product::jobs {
namespace {

using common::mq::Outcome;

// Reservation events carry their products in data.items[].product_id.
std::vector<std::string> reserved_products(const boost::json::object& data) {
  std::vector<std::string> ids;
  const auto* items = data.if_contains("items");
  if (items == nullptr || !items->is_array()) return ids;
  for (const auto& item : items->as_array()) {
    const auto* product = item.is_object() ? item.as_object().if_contains("product_id") : nullptr;
    if (product != nullptr && product->is_string() && common::is_uuid(product->as_string()))
      ids.emplace_back(product->as_string());
  }
  return ids;
}

boost::asio::awaitable<Outcome> index_products(repository::SearchDocuments& documents,
                                               search::SearchIndex& index,
                                               const std::vector<std::string>& ids,
                                               IndexScope scope) {
  auto found = co_await documents.find(ids);
  if (!found) {
    common::obs::warn("cannot read products to index", {{"error", found.error().detail}});
    co_return Outcome::kRetryLater;
  }
  for (auto& product : *found) {
    if (scope == IndexScope::kSoldOutOnly && product.document && product.document->in_stock)
      continue;
    // No co_await inside ?: — GCC 12 destroys such temporaries twice.
    common::Result<void> written;
    if (product.document) {
      written = co_await index.upsert(std::move(*product.document));
    } else {
      written = co_await index.remove(product.id);
    }
    if (!written) {
      common::obs::warn("cannot update the search index",
                        {{"product_id", product.id}, {"error", written.error().detail}});
      co_return Outcome::kRetryLater;
    }
  }
  co_return Outcome::kSuccess;
}

}  // namespace

IndexScope index_scope(std::string_view type) {
  if (type == "stock.reserved") return IndexScope::kSoldOutOnly;
  if (type == "stock.committed" || type == "stock.released" || type == "stock.returned")
    return IndexScope::kNone;
  return IndexScope::kEveryProduct;
}

std::vector<std::string> affected_products(const common::mq::CloudEvent& event) {
  std::vector<std::string> ids;
  if (event.type.starts_with("product.") || event.type == "stock.low") {
    if (common::is_uuid(event.subject)) ids.push_back(event.subject);
  } else if (event.type.starts_with("stock.")) {
    ids = reserved_products(event.data);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

common::mq::EventHandler make_search_indexer(
    const std::shared_ptr<repository::SearchDocuments>& documents,
    const std::shared_ptr<search::SearchIndex>& index) {
  return [documents,
          index](const common::mq::ReceivedEvent& received) -> boost::asio::awaitable<Outcome> {
    const auto scope = index_scope(received.event.type);
    auto ids = affected_products(received.event);
    if (ids.empty() || scope == IndexScope::kNone) co_return Outcome::kSuccess;
    co_return co_await index_products(*documents, *index, ids, scope);
  };
}

}  // namespace shop::product::jobs
