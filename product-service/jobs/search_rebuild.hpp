#pragma once
// Rebuilds the search index from PostgreSQL with no downtime: a new index is filled
// while searches use the old one, the alias moves in one step, and products changed
// during the load are written again so nothing is lost.

#include <boost/asio/awaitable.hpp>

#include "common/errors.hpp"
#include "repository/search_documents.hpp"
#include "search/search_index.hpp"

namespace shop::product::jobs {

struct RebuildReport {
  search::RebuildSummary summary;
  std::size_t caught_up = 0;  // products re-indexed for changes made during the load
};

boost::asio::awaitable<common::Result<RebuildReport>> rebuild_search_index(
    repository::SearchDocuments& documents, search::SearchIndex& index);

}  // namespace shop::product::jobs
