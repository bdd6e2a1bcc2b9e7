#pragma once
// What the search index should hold, read from PostgreSQL: the source the index is fed
// from after each event and rebuilt from in full.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/db/pool.hpp"
#include "repository/event_outbox.hpp"
#include "search/document_stream.hpp"
#include "search/product_document.hpp"

namespace shop::product::repository {

struct IndexedProduct {
  std::string id;
  std::optional<search::ProductDocument> document;  // nullopt: deleted or unknown
};

class SearchDocuments {
 public:
  explicit SearchDocuments(std::shared_ptr<common::db::Pool> pool) : pool_(std::move(pool)) {}

  // One entry per id, in the order given.
  Task<std::vector<IndexedProduct>> find(const std::vector<std::string>& ids);
  // Every live product, a batch at a time, in id order.
  std::shared_ptr<search::DocumentStream> all(std::size_t batch_size);
  // Products changed (or deleted) at or after `since` (RFC 3339), for catching up after
  // a rebuild.
  Task<std::vector<IndexedProduct>> changed_since(const std::string& since);

 private:
  std::shared_ptr<common::db::Pool> pool_;
};

}  // namespace shop::product::repository
