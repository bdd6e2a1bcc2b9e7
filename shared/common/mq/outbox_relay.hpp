#pragma once
// Publishes what Outbox::enqueue stored, in write order, with broker confirms, and marks
// each row published once confirmed: at-least-once delivery that survives broker
// outages and restarts (unconfirmed rows simply go out on a later pass).
//
// Each pass locks a batch of unpublished rows with FOR UPDATE SKIP LOCKED inside a
// transaction, so several replicas relay side by side without sending a row twice while
// both are healthy. Across replicas, and after a failed publish, events of one aggregate
// may arrive out of order: consumers compare `sequence` and drop stale ones.
//
// Woken by NOTIFY from the outbox's insert trigger (on a LISTEN connection of its own)
// and, as a fallback, every poll_interval. Published rows are deleted after `retention`.

#include <atomic>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/experimental/concurrent_channel.hpp>
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "common/db/notification_listener.hpp"
#include "common/db/pool.hpp"
#include "common/errors.hpp"
#include "common/mq/publisher.hpp"
#include "common/resilience/backoff.hpp"

namespace shop::common::mq {

class MqMetrics;

// The channel the outbox's insert trigger notifies.
inline constexpr std::string_view kOutboxChannel = "shop_mq_outbox";

struct RelayConfig {
  std::size_t batch_size = 100;
  // The longest a committed event waits when no notification arrives.
  std::chrono::milliseconds poll_interval{1000};
  // Where to LISTEN (the pool's conninfo, usually); empty: polling only.
  std::string listen_conninfo{};
  // Pause after a pass that failed (database or broker down), growing while it lasts.
  resilience::BackoffConfig failure_backoff{.base = std::chrono::milliseconds(200),
                                            .cap = std::chrono::milliseconds(10000)};
  // How long published rows are kept (for replays and audits) before they are deleted.
  std::chrono::seconds retention{std::chrono::hours(24 * 7)};
  MqMetrics* metrics = nullptr;  // nullptr: MqMetrics::instance()
};

struct RelayPass {
  std::size_t published = 0;
  std::size_t failed = 0;
  std::optional<Error> first_error;
};

class OutboxRelay : public std::enable_shared_from_this<OutboxRelay> {
 public:
  static std::shared_ptr<OutboxRelay> create(boost::asio::any_io_executor executor,
                                             std::shared_ptr<db::Pool> pool,
                                             std::shared_ptr<Publisher> publisher,
                                             RelayConfig config);
  ~OutboxRelay();
  OutboxRelay(const OutboxRelay&) = delete;
  OutboxRelay& operator=(const OutboxRelay&) = delete;

  // Relays in the background until stop().
  void start();
  // Finishes the pass in hand (bounded by the publish timeout) and returns once stopped.
  boost::asio::awaitable<void> stop();
  // Asks for a pass now; any thread.
  void wake();

  // One pass over at most batch_size rows. An error means nothing was read.
  boost::asio::awaitable<Result<RelayPass>> relay_once();
  // Updates the backlog gauges and deletes published rows older than the retention.
  boost::asio::awaitable<Result<void>> housekeeping();

 private:
  OutboxRelay(boost::asio::any_io_executor executor, std::shared_ptr<db::Pool> pool,
              std::shared_ptr<Publisher> publisher, RelayConfig config);

  static boost::asio::awaitable<void> run_owned(std::shared_ptr<OutboxRelay> self);
  boost::asio::awaitable<void> run();
  // Waits `duration`; a wake() cuts it short when `wakeable`, stop() always does.
  boost::asio::awaitable<void> pause(std::chrono::milliseconds duration, bool wakeable);

  boost::asio::any_io_executor executor_;
  std::shared_ptr<db::Pool> pool_;
  std::shared_ptr<Publisher> publisher_;
  RelayConfig config_;
  MqMetrics& metrics_;
  resilience::Backoff backoff_;
  std::atomic<bool> started_{false};
  std::atomic<bool> stopping_{false};
  boost::asio::experimental::concurrent_channel<void(boost::system::error_code)> wakeups_;
  boost::asio::experimental::concurrent_channel<void(boost::system::error_code)> stopped_;
  std::unique_ptr<db::NotificationListener> listener_;
};

}  // namespace shop::common::mq
