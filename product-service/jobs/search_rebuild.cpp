#include "jobs/search_rebuild.hpp"

#include "common/mq/rfc3339.hpp"

namespace shop::product::jobs {
namespace {

constexpr std::size_t kBatchSize = 500;
// Clocks of this host and the database differ a little; catching up a few seconds
// more than needed costs a few writes, missing a change would cost a stale product.
constexpr std::chrono::seconds kClockMargin{5};

}  // namespace

boost::asio::awaitable<common::Result<RebuildReport>> rebuild_search_index(
    repository::SearchDocuments& documents, search::SearchIndex& index) {
  auto summary = co_await index.rebuild(documents.all(kBatchSize));
  if (!summary) co_return summary.error();
  const auto since = common::mq::format_rfc3339(summary->started_at - kClockMargin);
  auto changed = co_await documents.changed_since(since);
  if (!changed) co_return changed.error();
  std::vector<search::ProductDocument> live;
  for (auto& product : *changed) {
    if (product.document) {
      live.push_back(std::move(*product.document));
    } else if (auto removed = co_await index.remove(product.id); !removed) {
      co_return removed.error();
    }
  }
  RebuildReport report{*summary, changed->size()};
  if (!live.empty()) {
    auto written = co_await index.bulk_index(std::move(live));
    if (!written) co_return written.error();
    if (!written->failures.empty())
      co_return common::Error::unavailable("the search server refused products while catching up");
  }
  co_return report;
}

}  // namespace shop::product::jobs
