// Many writers on one order at once, against the real MongoDB-API server: saga workers,
// customers cancelling, admins moving the order on, and a second replica with its own
// connections doing the same. The log's unique (order_id, seq) index is all that orders
// them. Whatever interleaving happens, no transition is lost or out of order: the log is
// contiguous, and the order it folds to went through legal steps only.

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include <cstdlib>

#include "common/mongo/database.hpp"
#include "models/saga.hpp"
#include "repository/collections.hpp"
#include "repository/mongo_stores.hpp"
#include "saga/saga_runner.hpp"
#include "saga_fakes.hpp"
#include "support/io_runner.hpp"
#include "support/unique_names.hpp"

namespace shop::order::saga {
namespace {

using models::EntryType;
using models::OrderStatus;

constexpr int kThreads = 4;
constexpr int kRounds = 6;

// The test server's URL with a database of this run's own.
std::string own_database_url(const std::string& url, const std::string& suffix) {
  return url.substr(0, url.rfind('/') + 1) + "orders_it_" + suffix;
}

struct Replica {
  std::shared_ptr<repository::MongoOrderStore> store;
  std::shared_ptr<SagaRunner> runner;
};

class OrderStoreConcurrencyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* url = std::getenv("SHOP_TEST_MONGO_URL");
    if (url == nullptr) GTEST_FAIL() << "SHOP_TEST_MONGO_URL is not set (scripts/test.sh sets it)";
    url_ = own_database_url(url, shop::testing::unique_suffix());
    for (auto& replica : replicas_) replica = make_replica();
    auto prepared = run(repository::prepare_collections(*databases_.front()));
    ASSERT_TRUE(prepared) << prepared.error().detail;
  }

  void TearDown() override {
    if (databases_.empty()) return;
    for (auto collection : {repository::kOrderLogCollection, repository::kOrdersCollection}) {
      auto dropped = run(databases_.front()->drop_collection(std::string(collection)));
      EXPECT_TRUE(dropped);
    }
  }

  Replica make_replica() {
    auto database = common::mongo::Database::create({.uri = url_});
    EXPECT_TRUE(database);
    databases_.push_back(*database);
    auto store = std::make_shared<repository::MongoOrderStore>(*database);
    auto runner = std::make_shared<SagaRunner>(
        SagaDeps{.orders = store, .stock = stock_, .payments = payments_});
    return {store, runner};
  }

  template <class T>
  T run(boost::asio::awaitable<T> task) {
    return shop::testing::run_one(io_, kThreads, std::move(task));
  }

  // An order whose log holds its placement only, not projected yet.
  std::string place_order() {
    models::Order order;
    order.id = "order-" + shop::testing::unique_suffix();
    order.user_id = "user-1";
    order.lines = {{"lamp", "Lamp", 1, 1'000}};
    order.total_cents = 1'000;
    order.currency = "EUR";
    order.card = {"pm_test", "visa", "4242"};
    auto entry = models::next_entry(order, EntryType::kPlaced, replicas_[0].runner->timestamp());
    entry.placed = order;
    auto placed = run(replicas_[0].store->append(entry));
    EXPECT_TRUE(placed);
    return order.id;
  }

  std::string place_confirmed_order() {
    auto order_id = place_order();
    auto confirmed = run(replicas_[0].runner->advance(order_id, call_));
    EXPECT_TRUE(confirmed && confirmed->status == OrderStatus::kConfirmed);
    return order_id;
  }

  boost::asio::io_context io_;
  std::string url_;
  std::vector<std::shared_ptr<common::mongo::Database>> databases_;
  std::shared_ptr<testing::FakeStock> stock_ = [] {
    auto stock = std::make_shared<testing::FakeStock>();
    stock->available["lamp"] = 1'000;
    return stock;
  }();
  std::shared_ptr<testing::FakePayments> payments_ = std::make_shared<testing::FakePayments>();
  std::array<Replica, 2> replicas_;
  const common::grpc_glue::CallContext call_{};
};

// What each kind of writer does, `kRounds` times.
boost::asio::awaitable<int> admin(std::shared_ptr<SagaRunner> runner, std::string order_id) {
  int legal_moves = 0;
  for (int round = 0; round < kRounds; ++round) {
    for (auto target : {OrderStatus::kShipped, OrderStatus::kDelivered, OrderStatus::kCompleted}) {
      const Decision decide =
          [&runner,
           target](const models::Order& order) -> common::Result<std::optional<models::LogEntry>> {
        auto allowed = models::may_set_status(order, target);
        if (!allowed) return allowed.error();
        if (!*allowed) return std::optional<models::LogEntry>{};
        auto entry = models::next_entry(order, EntryType::kStatusSet, runner->timestamp());
        entry.status = target;
        return std::optional<models::LogEntry>(std::move(entry));
      };
      auto changed = co_await runner->change(order_id, decide);
      if (changed)
        ++legal_moves;
      else if (changed.error().code != common::ErrorCode::kConflict)
        co_return -1;
    }
  }
  co_return legal_moves;
}

boost::asio::awaitable<int> customer(std::shared_ptr<SagaRunner> runner, std::string order_id) {
  const common::grpc_glue::CallContext call;
  for (int round = 0; round < kRounds; ++round) {
    const Decision decide =
        [&runner](const models::Order& order) -> common::Result<std::optional<models::LogEntry>> {
      auto allowed = models::may_cancel(order);
      if (!allowed) return allowed.error();
      if (!*allowed) return std::optional<models::LogEntry>{};
      auto entry = models::next_entry(order, EntryType::kCancelled, runner->timestamp());
      entry.reason = "cancelled_by_customer";
      return std::optional<models::LogEntry>(std::move(entry));
    };
    auto cancelled = co_await runner->change(order_id, decide);
    if (!cancelled && cancelled.error().code != common::ErrorCode::kConflict) co_return -1;
    auto advanced = co_await runner->advance(order_id, call);
    if (!advanced) co_return -1;
  }
  co_return 0;
}

boost::asio::awaitable<int> worker(std::shared_ptr<SagaRunner> runner, std::string order_id) {
  const common::grpc_glue::CallContext call;
  for (int round = 0; round < kRounds; ++round) {
    auto advanced = co_await runner->advance(order_id, call);
    if (!advanced) co_return -1;
  }
  co_return 0;
}

boost::asio::awaitable<int> projector(std::shared_ptr<repository::MongoOrderStore> store,
                                      std::string order_id) {
  auto projected = co_await store->project(order_id);
  co_return projected ? 0 : static_cast<int>(projected.error().code);
}

// The request that placed an order and the event relay project a new order at the same
// moment; the MongoDB API's upsert may let both try to insert the projection.
TEST_F(OrderStoreConcurrencyTest, WritersProjectingANewOrderAtOnceAllSucceed) {
  constexpr int kOrders = 10;
  constexpr int kProjectorsPerReplica = 3;
  for (int i = 0; i < kOrders; ++i) {
    const auto order_id = place_order();
    std::vector<boost::asio::awaitable<int>> projectors;
    for (const auto& replica : replicas_) {
      for (int p = 0; p < kProjectorsPerReplica; ++p)
        projectors.push_back(projector(replica.store, order_id));
    }
    const auto outcomes = shop::testing::run_all(io_, kThreads, std::move(projectors));
    for (const auto outcome : outcomes) EXPECT_EQ(outcome, 0) << "order " << i;
  }
}

TEST_F(OrderStoreConcurrencyTest, ConcurrentWritersNeverLoseOrReorderATransition) {
  const auto order_id = place_confirmed_order();
  std::vector<boost::asio::awaitable<int>> writers;
  for (const auto& replica : replicas_) {
    writers.push_back(admin(replica.runner, order_id));
    writers.push_back(customer(replica.runner, order_id));
    writers.push_back(worker(replica.runner, order_id));
  }
  const auto outcomes = shop::testing::run_all(io_, kThreads, std::move(writers));
  for (const auto outcome : outcomes) EXPECT_GE(outcome, 0) << "a writer met an error";

  auto log = run(replicas_[1].store->read_log(order_id));
  ASSERT_TRUE(log);
  auto folded = models::fold(*log);  // fails on a gap or a duplicate sequence number
  ASSERT_TRUE(folded) << folded.error().detail;

  // Replay the log step by step: every status move must have been legal where it stands.
  models::Order order;
  for (const auto& entry : *log) {
    if (entry.type == EntryType::kStatusSet) {
      auto allowed = models::may_set_status(order, *entry.status);
      ASSERT_TRUE(allowed && *allowed) << "illegal move at seq " << entry.seq;
    }
    if (entry.type == EntryType::kCancelled) {
      auto allowed = models::may_cancel(order);
      ASSERT_TRUE(allowed && *allowed) << "illegal cancel at seq " << entry.seq;
    }
    models::apply(order, entry);
  }
  std::vector<OrderStatus> path;
  for (const auto& change : folded->history) path.push_back(change.status);
  const std::vector<OrderStatus> completed{OrderStatus::kPending, OrderStatus::kConfirmed,
                                           OrderStatus::kShipped, OrderStatus::kDelivered,
                                           OrderStatus::kCompleted};
  const bool cancelled_early = path.size() >= 3 && path.back() == OrderStatus::kCancelled;
  EXPECT_TRUE(path == completed || cancelled_early) << "unexpected path of " << path.size();
  if (cancelled_early) {
    // A cancelled order was refunded and its stock given back by the writers' sagas.
    EXPECT_EQ(folded->payment, models::PaymentStatus::kRefunded);
    EXPECT_EQ(folded->stock, models::StockState::kReleased);
  }
  // The projection readers list caught up with the log.
  auto listed = run(replicas_[0].store->list_for_user("user-1", 100));
  ASSERT_TRUE(listed);
  const auto projected =
      std::find_if(listed->begin(), listed->end(), [&](const auto& o) { return o.id == order_id; });
  ASSERT_NE(projected, listed->end());
  EXPECT_EQ(projected->version, folded->version);
}

}  // namespace
}  // namespace shop::order::saga
