#pragma once
// Keeps every event on the bus, as published, so an operator can replay a time range
// (POST /api/v1/admin/events/replay) after a consumer lost or mishandled events.

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/db/pool.hpp"
#include "common/mq/consumer.hpp"
#include "common/mq/publisher.hpp"

namespace shop::notification::events {

inline constexpr std::string_view kArchiveQueue = "notification-service.archive";

// Stores each event once, whatever its type (queue bound to "#").
common::mq::EventHandler make_event_archiver(std::shared_ptr<common::db::Pool> pool);

struct ReplayRange {
  std::chrono::system_clock::time_point from;
  std::chrono::system_clock::time_point to;  // exclusive
  std::vector<std::string> types;            // empty: every type
};

inline constexpr std::int64_t kMaxReplayedEvents = 100'000;

// Publishes the archived events of the range again, oldest first, in batches with
// confirms; the number published. Stops at the first failed batch.
boost::asio::awaitable<common::Result<std::int64_t>> replay_events(common::db::Pool& pool,
                                                                   common::mq::Publisher& publisher,
                                                                   const ReplayRange& range);

}  // namespace shop::notification::events
