#include "common/mq/outbox_relay.hpp"

#include <algorithm>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <exception>
#include <string>
#include <vector>

#include "common/db/notification_listener.hpp"
#include "common/db/params.hpp"
#include "common/mq/mq_metrics.hpp"
#include "common/mq/topology.hpp"
#include "common/observability/logger.hpp"

namespace shop::common::mq {
namespace {

using boost::asio::awaitable;
using Clock = std::chrono::steady_clock;

constexpr std::string_view kTakeBatch =
    "SELECT position, event_id::text, event_type, payload::text, traceparent FROM mq_outbox "
    "WHERE published_at IS NULL ORDER BY position LIMIT $1 FOR UPDATE SKIP LOCKED";
constexpr std::string_view kMarkPublished =
    "UPDATE mq_outbox SET published_at = now() WHERE position = ANY($1::bigint[])";
constexpr std::string_view kBacklog =
    "SELECT count(*), "
    "COALESCE((EXTRACT(EPOCH FROM now() - min(created_at)) * 1000)::bigint, 0) "
    "FROM mq_outbox WHERE published_at IS NULL";
constexpr std::string_view kPrune =
    "DELETE FROM mq_outbox WHERE position IN (SELECT position FROM mq_outbox "
    "WHERE published_at < now() - make_interval(secs => $1::float8) LIMIT 1000)";

// Gauges and pruning need not follow every pass.
constexpr std::chrono::seconds kHousekeepingInterval{10};

std::chrono::milliseconds remaining(Clock::time_point deadline) {
  return std::max(std::chrono::milliseconds::zero(),
                  std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()));
}

OutgoingMessage stored_event_message(const db::Row& row) {
  OutgoingMessage message;
  message.exchange = kEventsExchange;
  message.message_id = row.text(1);
  message.routing_key = row.text(2);
  message.body = row.text(3);
  message.content_type = kCloudEventsContentType;
  if (auto traceparent = row.optional_text(4)) {
    message.headers.emplace(kTraceparentHeader, std::move(*traceparent));
  }
  return message;
}

}  // namespace

std::shared_ptr<OutboxRelay> OutboxRelay::create(boost::asio::any_io_executor executor,
                                                 std::shared_ptr<db::Pool> pool,
                                                 std::shared_ptr<Publisher> publisher,
                                                 RelayConfig config) {
  config.batch_size = std::max<std::size_t>(config.batch_size, 1);
  return std::shared_ptr<OutboxRelay>(new OutboxRelay(std::move(executor), std::move(pool),
                                                      std::move(publisher), std::move(config)));
}

OutboxRelay::OutboxRelay(boost::asio::any_io_executor executor, std::shared_ptr<db::Pool> pool,
                         std::shared_ptr<Publisher> publisher, RelayConfig config)
    : executor_(std::move(executor)),
      pool_(std::move(pool)),
      publisher_(std::move(publisher)),
      config_(std::move(config)),
      metrics_(config_.metrics != nullptr ? *config_.metrics : MqMetrics::instance()),
      backoff_(config_.failure_backoff),
      wakeups_(executor_, 1),
      stopped_(executor_, 1) {}

OutboxRelay::~OutboxRelay() = default;

void OutboxRelay::start() {
  if (started_.exchange(true)) return;
  if (!config_.listen_conninfo.empty()) {
    // Notifications sent while the listener was away are lost: look again on every
    // (re)connection.
    db::ListenerCallbacks callbacks{.connected = [this] { wake(); },
                                    .notified = [this](std::string_view) { wake(); }};
    listener_ = std::make_unique<db::NotificationListener>(
        config_.listen_conninfo, std::string(kOutboxChannel), "shop-outbox-listener",
        std::move(callbacks));
    listener_->start();
  }
  boost::asio::co_spawn(executor_, run_owned(shared_from_this()), boost::asio::detached);
}

awaitable<void> OutboxRelay::run_owned(std::shared_ptr<OutboxRelay> self) {
  try {
    co_await self->run();
  } catch (const std::exception& e) {
    obs::error("outbox relay stopped by an exception", {{"error", e.what()}});
  }
  self->stopped_.try_send(boost::system::error_code{});
}

awaitable<void> OutboxRelay::stop() {
  stopping_ = true;
  wakeups_.try_send(boost::system::error_code{});
  if (listener_) listener_->request_stop();
  if (!started_) co_return;
  co_await stopped_.async_receive(boost::asio::use_awaitable);
}

void OutboxRelay::wake() { wakeups_.try_send(boost::system::error_code{}); }

awaitable<Result<RelayPass>> OutboxRelay::relay_once() {
  auto self = shared_from_this();
  RelayPass pass;
  auto body = [&](db::Connection& tx) -> awaitable<Result<void>> {
    auto rows = co_await tx.query(kTakeBatch, db::make_params(config_.batch_size));
    if (!rows) co_return rows.error();
    if (rows->empty()) co_return Result<void>{};
    std::vector<std::string> positions;
    std::vector<OutgoingMessage> messages;
    for (const db::Row row : *rows) {
      positions.emplace_back(row.text(0));
      messages.push_back(stored_event_message(row));
    }
    auto results = co_await publisher_->publish_batch(std::move(messages));
    std::string confirmed = "{";
    for (std::size_t i = 0; i < results.size(); ++i) {
      if (results[i]) {
        if (pass.published++ > 0) confirmed += ',';
        confirmed += positions[i];
      } else {
        if (pass.failed++ == 0) pass.first_error = results[i].error();
      }
    }
    confirmed += '}';
    if (pass.published == 0) co_return Result<void>{};
    auto marked = co_await tx.query(kMarkPublished, db::make_params(confirmed));
    if (!marked) co_return marked.error();
    co_return Result<void>{};
  };
  auto committed = co_await pool_->transaction(std::move(body));
  // Rows published but not marked go out again on a later pass: at least once.
  if (!committed) co_return committed.error();
  co_return pass;
}

awaitable<Result<void>> OutboxRelay::housekeeping() {
  auto self = shared_from_this();
  auto backlog = co_await pool_->query(kBacklog);
  if (!backlog) co_return backlog.error();
  const db::Row row = (*backlog)[0];
  metrics_.set_outbox_backlog(row.int64(0), static_cast<double>(row.int64(1)) / 1000.0);
  const auto retention_seconds = static_cast<double>(config_.retention.count());
  auto pruned = co_await pool_->query(kPrune, db::make_params(retention_seconds));
  if (!pruned) co_return pruned.error();
  co_return Result<void>{};
}

awaitable<void> OutboxRelay::run() {
  int failures = 0;
  auto housekept = Clock::now() - kHousekeepingInterval;
  while (!stopping_) {
    auto pass = co_await relay_once();
    const bool failed = !pass || pass->failed > 0;
    if (Clock::now() - housekept >= kHousekeepingInterval) {
      housekept = Clock::now();
      if (auto kept = co_await housekeeping(); !kept) {
        obs::warn("outbox housekeeping failed", {{"error", kept.error().detail}});
      }
    }
    if (failed) {
      const std::string& detail = !pass ? pass.error().detail : pass->first_error->detail;
      // The first failure and every tenth: an outage should not flood the log.
      if (failures % 10 == 0) {
        obs::warn("outbox relay pass failed; retrying",
                  {{"error", detail}, {"consecutive_failures", failures + 1}});
      }
      co_await pause(backoff_.delay(failures++), /*wakeable=*/false);
      continue;
    }
    if (failures > 0) obs::info("outbox relay recovered", {{"after_failures", failures}});
    failures = 0;
    if (pass->published == config_.batch_size) continue;  // more are likely waiting
    co_await pause(config_.poll_interval, /*wakeable=*/true);
  }
}

awaitable<void> OutboxRelay::pause(std::chrono::milliseconds duration, bool wakeable) {
  using namespace boost::asio::experimental::awaitable_operators;
  const auto until = Clock::now() + duration;
  boost::asio::steady_timer timer(executor_);
  while (!stopping_) {
    const auto left = remaining(until);
    if (left <= std::chrono::milliseconds::zero()) co_return;
    timer.expires_after(left);
    auto woken = wakeups_.async_receive(boost::asio::as_tuple(boost::asio::use_awaitable));
    auto elapsed = timer.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
    auto either = std::move(woken) || std::move(elapsed);
    const auto first = co_await std::move(either);
    if (first.index() == 1 || wakeable) co_return;
  }
}

}  // namespace shop::common::mq
