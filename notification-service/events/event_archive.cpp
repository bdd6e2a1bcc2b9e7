#include "events/event_archive.hpp"

#include "common/mq/rfc3339.hpp"
#include "common/observability/logger.hpp"

namespace shop::notification::events {
namespace {

namespace asio = boost::asio;
namespace db = common::db;
using common::mq::Outcome;

constexpr std::string_view kArchiveEvent =
    "INSERT INTO event_archive (event_id, event_type, event_time, payload) "
    "VALUES ($1::uuid, $2, $3::timestamptz, $4) ON CONFLICT (event_id) DO NOTHING";
// Keyset pages in (time, id) order, so events of the same instant are neither skipped
// nor repeated between pages.
constexpr std::string_view kArchivedPage =
    "SELECT event_id::text, event_time, payload FROM event_archive "
    "WHERE event_time >= $1::timestamptz AND event_time < $2::timestamptz "
    "AND (cardinality($3::text[]) = 0 OR event_type = ANY($3::text[])) "
    "AND (event_time, event_id) > ($4::timestamptz, $5::uuid) "
    "ORDER BY event_time, event_id LIMIT $6";
constexpr std::int64_t kPageSize = 500;
constexpr std::string_view kBeforeAnyId = "00000000-0000-0000-0000-000000000000";

}  // namespace

common::mq::EventHandler make_event_archiver(std::shared_ptr<db::Pool> pool) {
  return [pool = std::move(pool)](
             const common::mq::ReceivedEvent& received) -> asio::awaitable<Outcome> {
    const auto& event = received.event;
    auto params = db::make_params(event.id, event.type, common::mq::format_rfc3339(event.time),
                                  common::mq::serialize(event));
    auto stored = co_await pool->query(kArchiveEvent, std::move(params));
    if (stored) co_return Outcome::kSuccess;
    common::obs::warn("archiving an event failed; it comes back later",
                      {{"event_id", event.id}, {"error", stored.error().detail}});
    co_return Outcome::kRetryLater;
  };
}

asio::awaitable<common::Result<std::int64_t>> replay_events(db::Pool& pool,
                                                            common::mq::Publisher& publisher,
                                                            const ReplayRange& range) {
  const auto from = common::mq::format_rfc3339(range.from);
  const auto to = common::mq::format_rfc3339(range.to);
  std::string after_time = from;
  std::string after_id(kBeforeAnyId);
  std::int64_t replayed = 0;
  while (replayed < kMaxReplayedEvents) {
    auto page = co_await pool.query(
        kArchivedPage, db::make_params(from, to, range.types, after_time, after_id, kPageSize));
    if (!page) co_return page.error();
    if (page->empty()) break;
    std::vector<common::mq::OutgoingMessage> messages;
    for (const auto& row : *page) {
      auto event = common::mq::parse_cloud_event(row.text(2));
      if (!event) co_return event.error();
      messages.push_back(common::mq::event_message(*event));
      after_id = std::string(row.text(0));
      after_time = std::string(row.text(1));
    }
    auto confirmed = co_await publisher.publish_batch(std::move(messages));
    for (const auto& outcome : confirmed) {
      if (!outcome) co_return outcome.error();
      ++replayed;
    }
    if (static_cast<std::int64_t>(page->size()) < kPageSize) break;
  }
  co_return replayed;
}

}  // namespace shop::notification::events
