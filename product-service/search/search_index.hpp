#pragma once
// The product search index as product-service sees it. Every method ends within its
// timeout; kUnavailable means the search server cannot answer now (unreachable, timed
// out, overloaded) and the caller should fall back to PostgreSQL.

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "search/bulk_request.hpp"
#include "search/document_stream.hpp"
#include "search/product_document.hpp"
#include "search/product_query.hpp"
#include "search/search_result.hpp"

namespace shop::product::search {

struct RebuildSummary {
  // Writes made while a rebuild runs go to the old index and are lost with it: the
  // caller re-indexes what changed since this time (products with a later updated_at).
  std::chrono::system_clock::time_point started_at;
  std::string index;                  // the alias now points here
  std::size_t documents = 0;          // loaded into it
  std::vector<std::string> replaced;  // indices the alias pointed at before, now deleted
};

class SearchIndex {
 public:
  virtual ~SearchIndex() = default;

  // Makes sure the alias exists, creating a first versioned index with the mapping
  // when it does not. Returns the index the alias points at. Safe to run from several
  // replicas at once.
  virtual boost::asio::awaitable<common::Result<std::string>> ensure_index() = 0;

  virtual boost::asio::awaitable<common::Result<void>> upsert(ProductDocument document) = 0;
  // Removing a product the index does not hold succeeds.
  virtual boost::asio::awaitable<common::Result<void>> remove(std::string id) = 0;
  // Failures of single documents are reported in the outcome, not as an error.
  virtual boost::asio::awaitable<common::Result<BulkOutcome>> bulk_index(
      std::vector<ProductDocument> documents) = 0;
  virtual boost::asio::awaitable<common::Result<SearchResult>> search(ProductQuery query) = 0;

  // Zero-downtime rebuild: a new versioned index is created and filled from `source`,
  // the alias moves to it in one atomic step, and the old index is deleted. Until the
  // move, searches keep using the old index; on any failure the alias is left alone
  // and the new index is deleted.
  virtual boost::asio::awaitable<common::Result<RebuildSummary>> rebuild(
      std::shared_ptr<DocumentStream> source) = 0;

  // Makes every write so far visible to searches now rather than within a second.
  virtual boost::asio::awaitable<common::Result<void>> refresh() = 0;
};

}  // namespace shop::product::search
