// The index's life on the real search server: creation behind the alias, writes,
// bulk loads with refused documents, zero-downtime rebuilds, and an unreachable
// server.

#include <gtest/gtest.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/json/parse.hpp>

#include <atomic>
#include <deque>

#include "sample_documents.hpp"
#include "search_index_fixture.hpp"

namespace shop::product::search::testing {
namespace {

namespace asio = boost::asio;
using common::ErrorCode;
using common::http::Verb;
using std::chrono::milliseconds;

std::vector<ProductDocument> documents(std::string_view prefix, int count) {
  std::vector<ProductDocument> result;
  for (int i = 0; i < count; ++i) {
    result.push_back(sample_document(std::string(prefix) + std::to_string(i)));
  }
  return result;
}

// Serves prepared batches; before each batch it waits (deadline 10 s) until the
// searches counter has moved on, so searches demonstrably run while the rebuild does.
class PacedStream final : public DocumentStream {
 public:
  PacedStream(std::deque<std::vector<ProductDocument>> batches,
              std::shared_ptr<std::atomic<int>> searches, bool fail_last)
      : batches_(std::move(batches)), searches_(std::move(searches)), fail_last_(fail_last) {}

  // DocumentStream
  asio::awaitable<common::Result<std::vector<ProductDocument>>> next_batch() override {
    const int seen = searches_->load();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    asio::steady_timer poll(co_await asio::this_coro::executor);
    while (searches_->load() < seen + 2 && std::chrono::steady_clock::now() < deadline) {
      poll.expires_after(milliseconds(5));
      co_await poll.async_wait(asio::use_awaitable);
    }
    if (batches_.empty()) co_return std::vector<ProductDocument>{};
    if (fail_last_ && batches_.size() == 1) {
      co_return common::Error::unavailable("catalog database went away");
    }
    auto batch = std::move(batches_.front());
    batches_.pop_front();
    co_return batch;
  }

 private:
  std::deque<std::vector<ProductDocument>> batches_;
  std::shared_ptr<std::atomic<int>> searches_;
  bool fail_last_;
};

struct SearchLog {
  std::vector<std::int64_t> totals;
  std::vector<std::string> errors;
};

asio::awaitable<SearchLog> search_until(std::shared_ptr<SearchIndexImpl> index,
                                        std::shared_ptr<std::atomic<int>> searches,
                                        std::shared_ptr<std::atomic<bool>> stop) {
  SearchLog log;
  while (!stop->load()) {
    auto result = co_await index->search(ProductQuery{});
    if (result) {
      log.totals.push_back(result->total);
    } else {
      log.errors.push_back(result.error().detail);
    }
    ++*searches;
  }
  co_return log;
}

asio::awaitable<SearchLog> rebuild_then_stop(std::shared_ptr<SearchIndexImpl> index,
                                             std::shared_ptr<DocumentStream> stream,
                                             std::shared_ptr<std::atomic<bool>> stop,
                                             std::shared_ptr<common::Result<RebuildSummary>> out) {
  *out = co_await index->rebuild(std::move(stream));
  stop->store(true);
  co_return SearchLog{};
}

class SearchIndexLifecycleTest : public SearchIndexTest {
 protected:
  static constexpr int kSearchers = 3;

  std::int64_t total() {
    auto result = run(index_->search(ProductQuery{}));
    EXPECT_TRUE(result) << result.error().detail;
    return result ? result->total : -1;
  }

  std::vector<std::string> behind_alias() {
    auto indices = run(index_->alias_indices());
    EXPECT_TRUE(indices) << indices.error().detail;
    return indices ? *indices : std::vector<std::string>{};
  }

  // Indices named like this test's versioned indices, whether aliased or not.
  int versioned_index_count() {
    auto pool = HttpConnectionPool::create(io_.get_executor(), endpoint_, 1);
    common::http::Request request{Verb::get, "/_cat/indices/" + alias_ + "_v*?format=json", 11};
    auto response = run(pool->send(std::move(request), milliseconds(5000)));
    EXPECT_TRUE(response);
    if (!response) return -1;
    return static_cast<int>(boost::json::parse(response->body()).as_array().size());
  }

  // Runs a rebuild from `batches` while kSearchers coroutines search without pause;
  // their logs are merged, in the order each searcher saw its answers.
  std::pair<common::Result<RebuildSummary>, SearchLog> rebuild_while_searching(
      std::deque<std::vector<ProductDocument>> batches, bool fail_last) {
    auto searches = std::make_shared<std::atomic<int>>(0);
    auto stop = std::make_shared<std::atomic<bool>>(false);
    auto summary = std::make_shared<common::Result<RebuildSummary>>(common::Error::internal("?"));
    auto stream = std::make_shared<PacedStream>(std::move(batches), searches, fail_last);
    std::vector<asio::awaitable<SearchLog>> tasks;
    tasks.push_back(rebuild_then_stop(index_, stream, stop, summary));
    for (int i = 0; i < kSearchers; ++i) tasks.push_back(search_until(index_, searches, stop));
    SearchLog merged;
    for (auto& log : run_all(std::move(tasks))) {
      merged.totals.insert(merged.totals.end(), log.totals.begin(), log.totals.end());
      merged.errors.insert(merged.errors.end(), log.errors.begin(), log.errors.end());
    }
    return {*summary, merged};
  }
};

TEST_F(SearchIndexLifecycleTest, EnsureIndexCreatesAVersionedIndexBehindTheAlias) {
  EXPECT_TRUE(behind_alias().empty());
  auto created = run(index_->ensure_index());
  ASSERT_TRUE(created) << created.error().detail;
  EXPECT_TRUE(created->starts_with(alias_ + "_v")) << *created;
  EXPECT_EQ(behind_alias(), std::vector<std::string>{*created});
  EXPECT_EQ(status_of(Verb::get, "/" + *created + "/_mapping"), 200);

  auto again = run(index_->ensure_index());
  ASSERT_TRUE(again) << again.error().detail;
  EXPECT_EQ(*again, *created);
  EXPECT_EQ(versioned_index_count(), 1);
}

TEST_F(SearchIndexLifecycleTest, ReplicasEnsuringTogetherEndWithOneIndex) {
  std::vector<asio::awaitable<common::Result<std::string>>> tasks;
  std::vector<std::shared_ptr<SearchIndexImpl>> replicas;
  for (int i = 0; i < 4; ++i) replicas.push_back(make_index(base_config()));
  for (auto& replica : replicas) tasks.push_back(replica->ensure_index());
  for (const auto& result : run_all(std::move(tasks))) {
    EXPECT_TRUE(result) << result.error().detail;
  }
  EXPECT_EQ(behind_alias().size(), 1U);
  EXPECT_EQ(versioned_index_count(), 1);
  ASSERT_TRUE(run(index_->upsert(sample_document("p-1"))));
}

TEST_F(SearchIndexLifecycleTest, WritesNeverCreateAnIndexWithGuessedFields) {
  auto written = run(index_->upsert(sample_document("p-1")));
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().code, ErrorCode::kNotFound);
  auto bulk = run(index_->bulk_index(documents("b-", 2)));
  ASSERT_TRUE(bulk) << bulk.error().detail;
  EXPECT_EQ(bulk->indexed, 0U);
  ASSERT_EQ(bulk->failures.size(), 2U);
  EXPECT_EQ(bulk->failures[0].status, 404) << bulk->failures[0].reason;
  auto removed = run(index_->remove("p-1"));
  ASSERT_FALSE(removed) << "a missing index is not a missing document";
  EXPECT_EQ(removed.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(status_of(Verb::get, "/" + alias_), 404);
}

TEST_F(SearchIndexLifecycleTest, UpsertUpdateAndRemove) {
  ASSERT_TRUE(run(index_->ensure_index()));
  auto document = sample_document("p-1", "Canvas tote bag");
  ASSERT_TRUE(run(index_->upsert(document)));
  ASSERT_TRUE(run(index_->refresh()));
  auto found = run(index_->search({.text = "tote"}));
  ASSERT_TRUE(found) << found.error().detail;
  ASSERT_EQ(found->items.size(), 1U);
  EXPECT_EQ(found->items[0], document);

  document.price_cents = 1'234;
  document.stock_available = 0;
  document.in_stock = false;
  ASSERT_TRUE(run(index_->upsert(document)));
  ASSERT_TRUE(run(index_->refresh()));
  auto updated = run(index_->search({.text = "tote"}));
  ASSERT_TRUE(updated);
  ASSERT_EQ(updated->items.size(), 1U);
  EXPECT_EQ(updated->items[0], document);
  EXPECT_EQ(updated->total, 1);

  ASSERT_TRUE(run(index_->remove("p-1")));
  ASSERT_TRUE(run(index_->refresh()));
  EXPECT_EQ(total(), 0);
  EXPECT_TRUE(run(index_->remove("p-1"))) << "removing twice is not an error";
}

TEST_F(SearchIndexLifecycleTest, IdsWithUrlCharactersAreStoredVerbatim) {
  ASSERT_TRUE(run(index_->ensure_index()));
  const auto document = sample_document("a/b?c=d#e f%");
  ASSERT_TRUE(run(index_->upsert(document)));
  ASSERT_TRUE(run(index_->refresh()));
  auto found = run(index_->search(ProductQuery{}));
  ASSERT_TRUE(found) << found.error().detail;
  ASSERT_EQ(found->items.size(), 1U);
  EXPECT_EQ(found->items[0].id, document.id);
  ASSERT_TRUE(run(index_->remove(document.id)));
  ASSERT_TRUE(run(index_->refresh()));
  EXPECT_EQ(total(), 0);
}

TEST_F(SearchIndexLifecycleTest, BulkReportsEachRefusedDocument) {
  ASSERT_TRUE(run(index_->ensure_index()));
  auto batch = documents("b-", 5);
  batch[1].created_at = "not a date";
  batch[3].updated_at = "2026-13-45";
  auto outcome = run(index_->bulk_index(batch));
  ASSERT_TRUE(outcome) << outcome.error().detail;
  EXPECT_EQ(outcome->indexed, 3U);
  ASSERT_EQ(outcome->failures.size(), 2U);
  EXPECT_EQ(outcome->failures[0].id, "b-1");
  EXPECT_EQ(outcome->failures[0].status, 400);
  EXPECT_NE(outcome->failures[0].reason.find("mapper_parsing_exception"), std::string::npos)
      << outcome->failures[0].reason;
  EXPECT_EQ(outcome->failures[1].id, "b-3");
  ASSERT_TRUE(run(index_->refresh()));
  EXPECT_EQ(total(), 3);
}

TEST_F(SearchIndexLifecycleTest, RebuildSwapsTheAliasWhileSearchesKeepAnswering) {
  auto first = run(index_->ensure_index());
  ASSERT_TRUE(first) << first.error().detail;
  auto loaded = run(index_->bulk_index(documents("old-", 3)));
  ASSERT_TRUE(loaded && loaded->failures.empty());
  ASSERT_TRUE(run(index_->refresh()));

  auto [summary, log] =
      rebuild_while_searching({documents("new-a-", 3), documents("new-b-", 2)}, false);
  ASSERT_TRUE(summary) << summary.error().detail;
  EXPECT_EQ(summary->documents, 5U);
  EXPECT_EQ(summary->replaced, std::vector<std::string>{*first});
  EXPECT_EQ(behind_alias(), std::vector<std::string>{summary->index});
  EXPECT_EQ(status_of(Verb::get, "/" + *first), 404) << "the old index is deleted";

  EXPECT_TRUE(log.errors.empty()) << log.errors.front();
  ASSERT_GE(log.totals.size(), 4U);
  for (const auto seen : log.totals) {
    EXPECT_TRUE(seen == 3 || seen == 5) << "a search saw " << seen << " products";
  }
  EXPECT_EQ(log.totals.front(), 3) << "searches before the swap use the old index";
  EXPECT_EQ(total(), 5);
  auto found = run(index_->search({.text = "trail"}));
  ASSERT_TRUE(found);
  for (const auto& item : found->items) EXPECT_TRUE(item.id.starts_with("new-")) << item.id;
}

TEST_F(SearchIndexLifecycleTest, FailedRebuildLeavesTheOldIndexServing) {
  auto first = run(index_->ensure_index());
  ASSERT_TRUE(first);
  ASSERT_TRUE(run(index_->bulk_index(documents("old-", 2))));
  ASSERT_TRUE(run(index_->refresh()));

  auto [summary, log] =
      rebuild_while_searching({documents("new-", 3), documents("never-", 1)}, true);
  ASSERT_FALSE(summary);
  EXPECT_EQ(summary.error().code, ErrorCode::kUnavailable);
  EXPECT_TRUE(log.errors.empty()) << log.errors.front();
  EXPECT_EQ(behind_alias(), std::vector<std::string>{*first});
  EXPECT_EQ(versioned_index_count(), 1) << "the half-built index is deleted";
  EXPECT_EQ(total(), 2);
}

TEST_F(SearchIndexLifecycleTest, RebuildWithoutAnIndexCreatesTheAlias) {
  auto [summary, log] = rebuild_while_searching({documents("n-", 2)}, false);
  ASSERT_TRUE(summary) << summary.error().detail;
  EXPECT_TRUE(summary->replaced.empty());
  EXPECT_EQ(behind_alias(), std::vector<std::string>{summary->index});
  EXPECT_EQ(total(), 2);
  // Before the alias existed the searches failed; that is what the fallback is for.
  for (const auto& error : log.errors) EXPECT_NE(error.find("404"), std::string::npos) << error;
}

TEST_F(SearchIndexLifecycleTest, UnreachableServerIsUnavailableWithinTheTimeout) {
  std::uint16_t closed_port = 0;
  {
    asio::ip::tcp::acceptor probe(io_, {asio::ip::make_address("127.0.0.1"), 0});
    closed_port = probe.local_endpoint().port();
  }
  auto config = base_config();
  config.endpoint.port = closed_port;
  config.request_timeout = milliseconds(500);
  config.admin_timeout = milliseconds(500);
  auto unreachable = make_index(config);
  const auto started = std::chrono::steady_clock::now();
  auto searched = run(unreachable->search({.text = "laptop"}));
  auto ensured = run(unreachable->ensure_index());
  auto written = run(unreachable->upsert(sample_document("p-1")));
  EXPECT_LT(std::chrono::steady_clock::now() - started, milliseconds(1500));
  ASSERT_FALSE(searched);
  ASSERT_FALSE(ensured);
  ASSERT_FALSE(written);
  for (const auto& error : {searched.error(), ensured.error(), written.error()}) {
    EXPECT_EQ(error.code, ErrorCode::kUnavailable) << error.detail;
  }
}

}  // namespace
}  // namespace shop::product::search::testing
