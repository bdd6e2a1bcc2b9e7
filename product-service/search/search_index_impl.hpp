#pragma once
// SearchIndex over the Elasticsearch REST API (OpenSearch in the local stack), through
// a keep-alive connection pool. Readers and writers use the alias; the versioned
// indices behind it are managed by ensure_index() and rebuild().

#include <boost/asio/any_io_executor.hpp>

#include <chrono>
#include <memory>
#include <string>

#include "search/http_connection_pool.hpp"
#include "search/index_definition.hpp"
#include "search/search_body.hpp"
#include "search/search_endpoint.hpp"
#include "search/search_index.hpp"

namespace shop::product::search {

struct SearchIndexConfig {
  SearchEndpoint endpoint{"127.0.0.1", 9200};
  std::string alias = "products";
  // Searches and single-document writes.
  std::chrono::milliseconds request_timeout{2'000};
  // Index creation and deletion, alias changes, bulk loads and refreshes.
  std::chrono::milliseconds admin_timeout{30'000};
  std::size_t max_idle_connections = 8;
  IndexOptions index;
  SearchBodyOptions search;
};

class SearchIndexImpl final : public SearchIndex {
 public:
  // Refuses an alias that is not a valid index name. No I/O.
  static common::Result<std::shared_ptr<SearchIndexImpl>> create(
      boost::asio::any_io_executor executor, SearchIndexConfig config);

  // SearchIndex
  boost::asio::awaitable<common::Result<std::string>> ensure_index() override;
  boost::asio::awaitable<common::Result<void>> upsert(ProductDocument document) override;
  boost::asio::awaitable<common::Result<void>> remove(std::string id) override;
  boost::asio::awaitable<common::Result<BulkOutcome>> bulk_index(
      std::vector<ProductDocument> documents) override;
  boost::asio::awaitable<common::Result<SearchResult>> search(ProductQuery query) override;
  boost::asio::awaitable<common::Result<RebuildSummary>> rebuild(
      std::shared_ptr<DocumentStream> source) override;
  boost::asio::awaitable<common::Result<void>> refresh() override;

  // The indices the alias points at, sorted (empty when the alias does not exist).
  boost::asio::awaitable<common::Result<std::vector<std::string>>> alias_indices();
  // Deletes every index behind the alias, and with them the alias.
  boost::asio::awaitable<common::Result<void>> drop();

  const std::string& alias() const { return config_.alias; }
  const HttpConnectionPool& connections() const { return *pool_; }

 private:
  SearchIndexImpl(std::shared_ptr<HttpConnectionPool> pool, SearchIndexConfig config);

  // One request; a 2xx answer's body, or the error the answer or the transport means.
  boost::asio::awaitable<common::Result<std::string>> call(common::http::Verb verb,
                                                           std::string target, std::string body,
                                                           std::string action,
                                                           std::chrono::milliseconds timeout);
  boost::asio::awaitable<common::Result<common::http::Response>> exchange(
      common::http::Verb verb, std::string target, std::string body,
      std::chrono::milliseconds timeout);

  boost::asio::awaitable<common::Result<void>> create_index(std::string name, bool with_alias);
  boost::asio::awaitable<common::Result<void>> delete_index(std::string name);
  boost::asio::awaitable<common::Result<BulkOutcome>> bulk_into(
      std::string target, const std::vector<ProductDocument>& documents);
  // Makes the new index searchable and moves the alias to it from `old_indices`.
  boost::asio::awaitable<common::Result<void>> switch_alias(std::string new_index,
                                                            std::vector<std::string> old_indices);
  boost::asio::awaitable<common::Result<std::size_t>> load(std::string index,
                                                           std::shared_ptr<DocumentStream> source);

  std::shared_ptr<HttpConnectionPool> pool_;
  const SearchIndexConfig config_;
};

}  // namespace shop::product::search
