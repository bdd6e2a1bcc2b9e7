#include <gtest/gtest.h>
#include <prometheus/registry.h>

#include <atomic>
#include <future>
#include <set>

#include "broker_fixture.hpp"
#include "common/mq/inbox.hpp"
#include "common/mq/mq_metrics.hpp"
#include "common/mq/outbox.hpp"
#include "common/mq/outbox_relay.hpp"
#include "common/mq/publisher.hpp"

namespace shop::common::mq::testing {
namespace {

using boost::asio::awaitable;
using namespace std::chrono_literals;

// Writes `events` through the outbox in one transaction, committed or rolled back.
// A named coroutine with by-value parameters: nothing it needs can dangle.
awaitable<Result<std::vector<CloudEvent>>> write_events(std::shared_ptr<db::Pool> pool,
                                                        Outbox outbox, std::vector<NewEvent> events,
                                                        bool commit) {
  auto body = [&](db::Connection& tx) -> awaitable<Result<std::vector<CloudEvent>>> {
    std::vector<CloudEvent> written;
    for (auto& event : events) {
      auto stored = co_await outbox.enqueue(tx, std::move(event));
      if (!stored) co_return stored.error();
      written.push_back(std::move(*stored));
    }
    if (!commit) co_return Error::conflict("rolled back on purpose");
    co_return written;
  };
  co_return co_await pool->transaction(std::move(body));
}

// The sum over every label set of a counter family.
double counter_value(prometheus::Registry& registry, std::string_view name) {
  double total = 0;
  for (const auto& family : registry.Collect()) {
    if (family.name != name) continue;
    for (const auto& metric : family.metric) total += metric.counter.value;
  }
  return total;
}

double gauge_value(prometheus::Registry& registry, std::string_view name) {
  for (const auto& family : registry.Collect()) {
    if (family.name == name && !family.metric.empty()) return family.metric.front().gauge.value;
  }
  return -1;
}

class OutboxTest : public BrokerTest {
 protected:
  void SetUp() override {
    BrokerTest::SetUp();
    if (HasFatalFailure()) return;
    use_database();
    if (HasFatalFailure()) return;
    must("CREATE TABLE effects (event_id uuid NOT NULL, attempt int NOT NULL)");
  }

  NewEvent new_event(const std::string& name, const std::string& aggregate = "aggregate-1") {
    return {.aggregate_type = "widget",
            .aggregate_id = aggregate,
            .type = event_type(name),
            .data = {{"name", name}},
            .trace = obs::new_root()};
  }

  std::vector<CloudEvent> write(const std::shared_ptr<db::Pool>& pool, std::vector<NewEvent> events,
                                bool commit = true) {
    auto written = run(write_events(pool, outbox_, std::move(events), commit));
    if (commit) {
      EXPECT_TRUE(written) << written.error().detail;
      if (written) return *written;
    } else {
      EXPECT_FALSE(written);
    }
    return {};
  }

  ConsumerConfig consumer_config(const std::string& name) {
    ConsumerConfig config;
    config.amqp = amqp(name);
    config.queue = queue(name);
    config.bindings = {binding()};
    config.retry = {.max_attempts = 5, .base = 50ms, .cap = 100ms};
    config.poll_interval = 50ms;
    return config;
  }

  EventHandler recorder(Received& received) {
    return [&received](const ReceivedEvent& event) -> awaitable<Outcome> {
      received.add(event);
      co_return Outcome::kSuccess;
    };
  }

  std::shared_ptr<OutboxRelay> start_relay(const std::shared_ptr<db::Pool>& pool,
                                           const std::string& name, RelayConfig config,
                                           MqMetrics* metrics = nullptr) {
    auto publisher = Publisher::create(
        io_.get_executor(), {.amqp = amqp(name), .publish_timeout = 2s, .metrics = metrics});
    config.metrics = metrics;
    auto relay = OutboxRelay::create(io_.get_executor(), pool, publisher, std::move(config));
    relay->start();
    relays_.push_back(relay);
    return relay;
  }

  void TearDown() override {
    for (auto& relay : relays_) run(relay->stop());
    relays_.clear();
    BrokerTest::TearDown();
  }

  std::int64_t unpublished() {
    return must("SELECT count(*) FROM mq_outbox WHERE published_at IS NULL")[0].int64(0);
  }

  Outbox outbox_{"/mq-test"};
  std::vector<std::shared_ptr<OutboxRelay>> relays_;
};

TEST_F(OutboxTest, CommittedEventsAreDeliveredAndRolledBackOnesAreNot) {
  Received received;
  start_consumer(consumer_config("committed"), recorder(received));
  auto pool = make_pool();
  // Polling alone would take a minute: delivery within the deadline below means the
  // relay was woken by the commit's notification.
  start_relay(pool, "relay", {.poll_interval = 60s, .listen_conninfo = conninfo()});

  const auto first = write(pool, {new_event("kept")});
  write(pool, {new_event("dropped")}, /*commit=*/false);
  const auto second = write(pool, {new_event("kept-too")});

  ASSERT_TRUE(wait_until([&] { return received.size() >= 2; }, 10s));
  ASSERT_EQ(first.size(), 1U);
  ASSERT_EQ(second.size(), 1U);
  EXPECT_EQ(received.ids(), (std::vector<std::string>{first[0].id, second[0].id}));
  EXPECT_EQ(received.all()[0].event, first[0]);
  // The rolled-back transaction gave its sequence number back.
  EXPECT_EQ(first[0].sequence, 1);
  EXPECT_EQ(second[0].sequence, 2);
  EXPECT_EQ(must("SELECT count(*) FROM mq_outbox")[0].int64(0), 2);
  ASSERT_TRUE(wait_until([&] { return unpublished() == 0; }));
}

TEST_F(OutboxTest, SequencesCountPerAggregateWithoutGapsUnderConcurrentWriters) {
  auto pool = make_pool(6);
  std::vector<std::future<Result<std::vector<CloudEvent>>>> writers;
  for (int writer = 0; writer < 6; ++writer) {
    for (int i = 0; i < 10; ++i) {
      std::vector<NewEvent> events{new_event("counted", i % 2 == 0 ? "even" : "odd"),
                                   new_event("counted", "shared")};
      writers.push_back(boost::asio::co_spawn(
          io_, write_events(pool, outbox_, std::move(events), true), boost::asio::use_future));
    }
  }
  for (auto& writer : writers) {
    auto written = writer.get();
    ASSERT_TRUE(written) << written.error().detail;
  }

  const auto rows = must(
      "SELECT aggregate_id, count(*), min(sequence), max(sequence) FROM mq_outbox "
      "GROUP BY aggregate_id ORDER BY aggregate_id");
  ASSERT_EQ(rows.size(), 3U);
  for (const db::Row row : rows) {
    const auto count = row.int64(1);
    EXPECT_EQ(row.int64(2), 1) << row.text(0);
    EXPECT_EQ(row.int64(3), count) << row.text(0);  // 1..count, all distinct (unique key)
  }
  EXPECT_EQ(rows[2].text(0), "shared");
  EXPECT_EQ(rows[2].int64(1), 60);
  // The stored envelope carries the same number and parses as a CloudEvent.
  EXPECT_EQ(
      must("SELECT count(*) FROM mq_outbox WHERE (payload->>'sequence')::bigint <> sequence")[0]
          .int64(0),
      0);
  const auto stored = must("SELECT payload::text FROM mq_outbox ORDER BY position LIMIT 1");
  auto parsed = parse_cloud_event(stored[0].text(0));
  ASSERT_TRUE(parsed) << parsed.error().detail;
  EXPECT_EQ(parsed->source, "/mq-test");
}

TEST_F(OutboxTest, TheRelayDeliversEverythingWhileItsConnectionIsKilledMidStream) {
  Received received;
  start_consumer(consumer_config("outage"), recorder(received));
  auto pool = make_pool();
  start_relay(pool, "relay",
              {.batch_size = 10,
               .poll_interval = 100ms,
               .listen_conninfo = conninfo(),
               .failure_backoff = {.base = 50ms, .cap = 500ms}});

  std::atomic<int> kills{0};
  std::atomic<bool> killer_done{false};
  std::thread killer([&] {
    for (std::size_t round = 1; round <= 3; ++round) {
      if (!wait_until([&] { return received.size() >= round * 40; }, 30s)) break;
      // The relay's publisher only; the consumer keeps its connection.
      if (close_broker_connections(amqp("relay").connection_name) == 1) ++kills;
    }
    killer_done = true;
  });

  std::set<std::string> written;
  int round = 0;
  while (!killer_done) {
    std::vector<NewEvent> events;
    for (int i = 0; i < 5; ++i) {
      events.push_back(new_event("streamed", "aggregate-" + std::to_string(++round % 7)));
    }
    for (const auto& event : write(pool, std::move(events))) written.insert(event.id);
    // Keep the stream flowing, but never far ahead of the consumer.
    wait_until([&] { return received.size() + 50 >= written.size() || killer_done; }, 30s);
  }
  killer.join();

  EXPECT_EQ(kills, 3);
  ASSERT_TRUE(wait_until(
      [&] {
        const auto ids = received.ids();
        return std::set<std::string>(ids.begin(), ids.end()).size() >= written.size();
      },
      30s))
      << received.size() << " deliveries for " << written.size() << " events";
  const auto ids = received.ids();
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()), written);
  EXPECT_TRUE(wait_until([&] { return unpublished() == 0; }));
  EXPECT_GT(written.size(), 120U);
}

TEST_F(OutboxTest, EventsWaitInTheOutboxThroughABrokerOutageAndGoOutAfterIt) {
  OwnBroker broker;
  ASSERT_TRUE(broker.start());
  const auto on_own_broker = [&](AmqpSettings settings) {
    settings.address.port = broker.port();
    return settings;
  };
  Received received;
  ConsumerConfig consumer = consumer_config("outage-consumer");
  consumer.amqp = on_own_broker(consumer.amqp);
  consumer.reconnect = {.base = 50ms, .cap = 500ms};
  auto attached = start_consumer(consumer, recorder(received));  // declares the durable queue
  prometheus::Registry registry;
  MqMetrics metrics(registry);
  auto pool = make_pool();
  auto publisher = Publisher::create(
      io_.get_executor(),
      {.amqp = on_own_broker(amqp("outage-relay")), .publish_timeout = 500ms, .metrics = &metrics});
  auto relay = OutboxRelay::create(io_.get_executor(), pool, publisher,
                                   {.poll_interval = 100ms,
                                    .listen_conninfo = conninfo(),
                                    .failure_backoff = {.base = 50ms, .cap = 300ms},
                                    .metrics = &metrics});
  relays_.push_back(relay);
  relay->start();
  const auto before = write(pool, {new_event("before-outage")});
  ASSERT_TRUE(wait_until([&] { return received.size() == 1; }));

  ASSERT_TRUE(broker.stop());
  std::set<std::string> written;
  for (int i = 0; i < 10; ++i) {
    for (const auto& event :
         write(pool, {new_event("during-outage", "aggregate-" + std::to_string(i % 3))})) {
      written.insert(event.id);
    }
  }
  // The relay tried, failed, and kept every row for later.
  ASSERT_TRUE(
      wait_until([&] { return counter_value(registry, "shop_mq_publish_failures_total") > 0; }));
  EXPECT_EQ(unpublished(), 10);
  EXPECT_EQ(received.size(), 1U);
  ASSERT_TRUE(run(relay->housekeeping()));
  EXPECT_EQ(gauge_value(registry, "shop_mq_outbox_backlog"), 10);
  EXPECT_GT(gauge_value(registry, "shop_mq_outbox_lag_seconds"), 0);

  ASSERT_TRUE(broker.start());  // same node, same data: the durable queue is back
  ASSERT_TRUE(wait_until([&] { return received.size() >= 11; }, 30s));
  EXPECT_TRUE(wait_until([&] { return unpublished() == 0; }));
  auto ids = received.ids();
  EXPECT_EQ(ids.front(), before.at(0).id);
  ids.erase(ids.begin());
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()), written);
  // Stop the relay and the consumer before their broker goes away with the test.
  run(relay->stop());
  relays_.clear();
  stop(attached);
}

TEST_F(OutboxTest, TwoRelaysShareTheOutboxWithoutSendingAnythingTwice) {
  Received received;
  start_consumer(consumer_config("shared"), recorder(received));
  prometheus::Registry registry_a;
  prometheus::Registry registry_b;
  MqMetrics metrics_a(registry_a);
  MqMetrics metrics_b(registry_b);
  auto pool_a = make_pool();
  auto pool_b = make_pool();
  start_relay(pool_a, "relay-a", {.batch_size = 3, .listen_conninfo = conninfo()}, &metrics_a);
  start_relay(pool_b, "relay-b", {.batch_size = 3, .listen_conninfo = conninfo()}, &metrics_b);

  auto writer_pool = make_pool();
  std::set<std::string> written;
  for (int i = 0; i < 60; ++i) {
    for (const auto& event :
         write(writer_pool, {new_event("shared", "a"), new_event("shared", "b")})) {
      written.insert(event.id);
    }
  }

  ASSERT_TRUE(wait_until([&] { return received.size() >= written.size(); }, 30s));
  EXPECT_TRUE(wait_until([&] { return unpublished() == 0; }));
  const auto ids = received.ids();
  EXPECT_EQ(ids.size(), written.size());  // nothing twice
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()), written);
  const double by_a = counter_value(registry_a, "shop_mq_published_total");
  const double by_b = counter_value(registry_b, "shop_mq_published_total");
  EXPECT_EQ(by_a + by_b, static_cast<double>(written.size()));
  EXPECT_GT(by_a, 0);
  EXPECT_GT(by_b, 0);
}

TEST_F(OutboxTest, TheInboxProcessesADuplicateEventOnce) {
  auto pool = make_pool();
  std::atomic<int> calls{0};
  auto handler =
      with_inbox(pool, "mq-test",
                 [&](const ReceivedEvent& received, db::Connection& tx) -> awaitable<Outcome> {
                   ++calls;
                   auto inserted = co_await tx.query(
                       "INSERT INTO effects (event_id, attempt) VALUES ($1::uuid, $2)",
                       db::make_params(received.event.id, received.attempt));
                   co_return inserted ? Outcome::kSuccess : Outcome::kRetryLater;
                 });
  start_consumer(consumer_config("dedup"), handler);
  auto publisher = Publisher::create(io_.get_executor(), {.amqp = amqp("publisher")});
  const CloudEvent twice = make_event("twice");
  const CloudEvent barrier = make_event("barrier");

  ASSERT_TRUE(run(publisher->publish(twice)));
  ASSERT_TRUE(run(publisher->publish(twice)));
  ASSERT_TRUE(run(publisher->publish(barrier)));

  // One at a time and in order: once the barrier's effect exists, both copies were seen.
  ASSERT_TRUE(wait_until([&] {
    return must("SELECT count(*) FROM effects WHERE event_id = $1::uuid",
                db::make_params(barrier.id))[0]
               .int64(0) == 1;
  }));
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(
      must("SELECT count(*) FROM effects WHERE event_id = $1::uuid", db::make_params(twice.id))[0]
          .int64(0),
      1);
  EXPECT_EQ(must("SELECT count(*) FROM mq_inbox WHERE consumer = 'mq-test'")[0].int64(0), 2);
}

TEST_F(OutboxTest, ARetryRollsBackTheHandlersWritesAndItsInboxRow) {
  auto pool = make_pool();
  std::atomic<int> calls{0};
  auto handler =
      with_inbox(pool, "mq-test",
                 [&](const ReceivedEvent& received, db::Connection& tx) -> awaitable<Outcome> {
                   ++calls;
                   auto inserted = co_await tx.query(
                       "INSERT INTO effects (event_id, attempt) VALUES ($1::uuid, $2)",
                       db::make_params(received.event.id, received.attempt));
                   if (!inserted) co_return Outcome::kRetryLater;
                   co_return received.attempt == 1 ? Outcome::kRetryLater : Outcome::kSuccess;
                 });
  start_consumer(consumer_config("rollback"), handler);
  auto publisher = Publisher::create(io_.get_executor(), {.amqp = amqp("publisher")});
  const CloudEvent event = make_event("second-time-lucky");

  ASSERT_TRUE(run(publisher->publish(event)));

  ASSERT_TRUE(wait_until([&] { return calls == 2; }));
  ASSERT_TRUE(wait_until([&] { return must("SELECT count(*) FROM mq_inbox")[0].int64(0) == 1; }));
  const auto effects =
      must("SELECT attempt FROM effects WHERE event_id = $1::uuid", db::make_params(event.id));
  ASSERT_EQ(effects.size(), 1U);  // the first attempt's write was rolled back
  EXPECT_EQ(effects[0].int64(0), 2);
}

}  // namespace
}  // namespace shop::common::mq::testing
