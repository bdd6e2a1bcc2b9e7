// Stock reservations against a real PostgreSQL: all-or-nothing, idempotent per order,
// never oversold under hundreds of parallel reservers, expiring, and returned on hand.

#include <gtest/gtest.h>

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "../common/db/database_fixture.hpp"
#include "common/db/migrations.hpp"
#include "models/events.hpp"
#include "repository/outbox_adapter.hpp"
#include "repository/pg_repositories.hpp"

namespace shop::product::repository {
namespace {

using common::ErrorCode;
using common::db::testing::DatabaseTest;
namespace asio = boost::asio;

constexpr std::int64_t kMigrationLock = 0x50524f4454;  // "PRODT"
constexpr std::chrono::seconds kTtl{600};
const WriteContext kNoCaller{};

class InventoryTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    pool_ = make_pool({.size = 16});
    const auto migrations = common::db::embedded_migrations();
    ASSERT_TRUE(run(common::db::apply_migrations(*pool_, migrations, kMigrationLock)));
    auto outbox = make_event_outbox();
    catalog_ = std::make_shared<PgCatalogRepository>(pool_, outbox);
    inventory_ = std::make_shared<PgInventoryRepository>(pool_, outbox);
  }

  std::string product_with_stock(std::int64_t on_hand) {
    models::NewProduct product{
        "T-" + suffix_ + "-" + std::to_string(next_++), "Test product", "", 1250, "EUR", ""};
    auto created = run(catalog_->create_product(product, kNoCaller));
    EXPECT_TRUE(created) << created.error().detail;
    EXPECT_TRUE(run(inventory_->set_on_hand(created->id, on_hand, kNoCaller)));
    return created->id;
  }

  models::StockLevel level(const std::string& product_id) {
    const auto row =
        must("SELECT on_hand, reserved FROM inventory WHERE product_id = $1::uuid", {product_id});
    return {row[0].int64(0), row[0].int64(1)};
  }

  std::string order_id(int n) { return "order-" + suffix_ + "-" + std::to_string(n); }

  // The stored status of the reservation of `order`; empty when there is none.
  std::string stored_status(const std::string& order) {
    const auto rows = must("SELECT status FROM reservations WHERE order_id = $1", {order});
    return rows.empty() ? std::string() : std::string(rows[0].text(0));
  }

  // How many `type` events the outbox holds about `aggregate_id`.
  std::int64_t events(const std::string& aggregate_id, const std::string& type) {
    return must("SELECT count(*) FROM mq_outbox WHERE aggregate_id = $1 AND event_type = $2",
                {aggregate_id, type})[0]
        .int64(0);
  }

  std::shared_ptr<common::db::Pool> pool_;
  std::shared_ptr<PgCatalogRepository> catalog_;
  std::shared_ptr<PgInventoryRepository> inventory_;
  int next_ = 0;
};

TEST_F(InventoryTest, HundredsOfParallelReservationsNeverOversell) {
  const auto product = product_with_stock(50);
  // The tasks start later and read their arguments then: these must outlive them.
  const std::vector<models::StockRequestLine> one_unit{{product, 1}};
  constexpr int kOrders = 300;
  std::vector<std::string> orders;
  orders.reserve(kOrders);
  for (int i = 0; i < kOrders; ++i) orders.push_back(order_id(i));
  std::vector<asio::awaitable<common::Result<models::Reservation>>> tasks;
  tasks.reserve(orders.size());
  for (const auto& order : orders)
    tasks.push_back(inventory_->reserve(order, one_unit, kTtl, kNoCaller));
  const auto results = run_all(std::move(tasks));
  int reserved = 0;
  int refused = 0;
  for (const auto& result : results) {
    if (result) {
      ++reserved;
    } else {
      EXPECT_EQ(result.error().code, ErrorCode::kConflict) << result.error().detail;
      ++refused;
    }
  }
  EXPECT_EQ(reserved, 50);
  EXPECT_EQ(refused, 250);
  EXPECT_EQ(level(product).on_hand, 50);
  EXPECT_EQ(level(product).reserved, 50);
}

TEST_F(InventoryTest, RepeatedReservationOfAnOrderReturnsTheFirstAndCountsOnce) {
  const auto product = product_with_stock(10);
  const auto order = order_id(1);
  const std::vector<models::StockRequestLine> three_units{{product, 3}};
  constexpr int kRepeats = 20;
  std::vector<asio::awaitable<common::Result<models::Reservation>>> tasks;
  tasks.reserve(kRepeats);
  for (int i = 0; i < kRepeats; ++i)
    tasks.push_back(inventory_->reserve(order, three_units, kTtl, kNoCaller));
  const auto results = run_all(std::move(tasks));
  for (const auto& result : results) {
    ASSERT_TRUE(result) << result.error().detail;
    EXPECT_EQ(result->status, models::ReservationStatus::kReserved);
    ASSERT_EQ(result->items.size(), 1u);
    EXPECT_EQ(result->items[0].quantity, 3);
    EXPECT_EQ(result->items[0].unit_price_cents, 1250);
    EXPECT_EQ(result->expires_at, results.front()->expires_at);
  }
  EXPECT_EQ(level(product).reserved, 3);
}

TEST_F(InventoryTest, AllOrNothing) {
  const auto plenty = product_with_stock(10);
  const auto scarce = product_with_stock(1);
  auto lines = models::normalize_reservation(order_id(1), {{plenty, 2}, {scarce, 2}});
  ASSERT_TRUE(lines);
  auto refused = run(inventory_->reserve(order_id(1), *lines, kTtl, kNoCaller));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "items." + scarce);
  EXPECT_EQ(level(plenty).reserved, 0);
  EXPECT_EQ(level(scarce).reserved, 0);
  // Nothing was recorded, so the same order may try again once there is stock.
  ASSERT_TRUE(run(inventory_->set_on_hand(scarce, 5, kNoCaller)));
  EXPECT_TRUE(run(inventory_->reserve(order_id(1), *lines, kTtl, kNoCaller)));
  EXPECT_EQ(level(scarce).reserved, 2);
}

TEST_F(InventoryTest, UnknownProductIsNotFound) {
  auto missing = run(inventory_->reserve(order_id(1), {{"0b8f7a3e-6c1d-4e2f-9a0b-1c2d3e4f5a6b", 1}},
                                         kTtl, kNoCaller));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_F(InventoryTest, CommitTakesStockOnceAndCannotBeReleased) {
  const auto product = product_with_stock(10);
  ASSERT_TRUE(run(inventory_->reserve(order_id(1), {{product, 4}}, kTtl, kNoCaller)));
  auto committed = run(inventory_->commit(order_id(1), kNoCaller));
  ASSERT_TRUE(committed);
  EXPECT_EQ(committed->status, models::ReservationStatus::kCommitted);
  EXPECT_TRUE(run(inventory_->commit(order_id(1), kNoCaller)));
  EXPECT_EQ(level(product).on_hand, 6);
  EXPECT_EQ(level(product).reserved, 0);
  auto release = run(inventory_->release(order_id(1), kNoCaller));
  ASSERT_FALSE(release);
  EXPECT_EQ(release.error().code, ErrorCode::kConflict);
  EXPECT_EQ(run(inventory_->commit(order_id(2), kNoCaller)).error().code, ErrorCode::kNotFound);
}

TEST_F(InventoryTest, ReleaseGivesStockBackOnceAndBlocksALateReservation) {
  const auto product = product_with_stock(10);
  ASSERT_TRUE(run(inventory_->reserve(order_id(1), {{product, 4}}, kTtl, kNoCaller)));
  auto released = run(inventory_->release(order_id(1), kNoCaller));
  ASSERT_TRUE(released);
  EXPECT_EQ(released->status, models::ReservationStatus::kReleased);
  EXPECT_TRUE(run(inventory_->release(order_id(1), kNoCaller)));
  EXPECT_EQ(level(product).reserved, 0);
  EXPECT_EQ(run(inventory_->commit(order_id(1), kNoCaller)).error().code, ErrorCode::kConflict);

  // A compensation that overtakes its reservation: the reservation then takes nothing.
  ASSERT_TRUE(run(inventory_->release(order_id(2), kNoCaller)));
  auto late = run(inventory_->reserve(order_id(2), {{product, 1}}, kTtl, kNoCaller));
  ASSERT_TRUE(late);
  EXPECT_EQ(late->status, models::ReservationStatus::kReleased);
  EXPECT_EQ(level(product).reserved, 0);
}

TEST_F(InventoryTest, ReturnPutsCommittedStockBackOnHandOnce) {
  const auto product = product_with_stock(10);
  const auto order = order_id(1);
  ASSERT_TRUE(run(inventory_->reserve(order, {{product, 4}}, kTtl, kNoCaller)));
  ASSERT_TRUE(run(inventory_->commit(order, kNoCaller)));
  ASSERT_EQ(level(product).on_hand, 6);
  auto returned = run(inventory_->return_stock(order, kNoCaller));
  ASSERT_TRUE(returned) << returned.error().detail;
  EXPECT_EQ(returned->status, models::ReservationStatus::kReturned);
  ASSERT_EQ(returned->items.size(), 1u);
  EXPECT_EQ(returned->items[0].quantity, 4);
  EXPECT_EQ(level(product).on_hand, 10);
  EXPECT_EQ(level(product).reserved, 0);
  EXPECT_EQ(stored_status(order), "returned");

  auto again = run(inventory_->return_stock(order, kNoCaller));
  ASSERT_TRUE(again) << again.error().detail;
  EXPECT_EQ(again->status, models::ReservationStatus::kReturned);
  EXPECT_EQ(level(product).on_hand, 10);
  EXPECT_EQ(events(order, models::event_type::kStockReturned), 1);
}

TEST_F(InventoryTest, ALateCommitOrReleaseOfAReturnedReservationChangesNothing) {
  const auto product = product_with_stock(10);
  const auto order = order_id(1);
  ASSERT_TRUE(run(inventory_->reserve(order, {{product, 4}}, kTtl, kNoCaller)));
  ASSERT_TRUE(run(inventory_->commit(order, kNoCaller)));
  ASSERT_TRUE(run(inventory_->return_stock(order, kNoCaller)));
  auto commit = run(inventory_->commit(order, kNoCaller));
  ASSERT_TRUE(commit) << commit.error().detail;
  EXPECT_EQ(commit->status, models::ReservationStatus::kReturned);
  auto release = run(inventory_->release(order, kNoCaller));
  ASSERT_TRUE(release) << release.error().detail;
  EXPECT_EQ(release->status, models::ReservationStatus::kReturned);
  EXPECT_EQ(level(product).on_hand, 10);
  EXPECT_EQ(level(product).reserved, 0);
  EXPECT_EQ(stored_status(order), "returned");
}

TEST_F(InventoryTest, ReturnRefusesAReservationNeverCommitted) {
  const auto product = product_with_stock(10);
  const auto order = order_id(1);
  ASSERT_TRUE(run(inventory_->reserve(order, {{product, 4}}, kTtl, kNoCaller)));
  auto refused = run(inventory_->return_stock(order, kNoCaller));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_EQ(level(product).on_hand, 10);
  EXPECT_EQ(level(product).reserved, 4);
  EXPECT_EQ(stored_status(order), "reserved");
  EXPECT_EQ(events(order, models::event_type::kStockReturned), 0);
}

TEST_F(InventoryTest, ReturnOfAnUnknownOrderIsNotFoundAndRecordsNothing) {
  const auto order = order_id(1);
  auto missing = run(inventory_->return_stock(order, kNoCaller));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(stored_status(order), "");
}

TEST_F(InventoryTest, AReturnThatBringsASoldOutProductBackServesItsWaitlist) {
  const auto product = product_with_stock(2);
  const auto order = order_id(1);
  const std::string customer = "2b8f7a3e-6c1d-4e2f-9a0b-1c2d3e4f5a6b";
  ASSERT_TRUE(run(inventory_->reserve(order, {{product, 2}}, kTtl, kNoCaller)));
  ASSERT_TRUE(run(inventory_->commit(order, kNoCaller)));
  ASSERT_TRUE(run(inventory_->join_waitlist(product, customer)));
  const auto announced_before = events(product, models::event_type::kBackInStock);

  ASSERT_TRUE(run(inventory_->return_stock(order, kNoCaller)));
  EXPECT_EQ(events(product, models::event_type::kBackInStock), announced_before + 1);
  const auto latest = must(
      "SELECT (payload->'data'->>'stock_available')::bigint, payload->'data'->>'waitlist_user_ids' "
      "FROM mq_outbox WHERE aggregate_id = $1 AND event_type = $2 ORDER BY position DESC LIMIT 1",
      {product, models::event_type::kBackInStock});
  ASSERT_EQ(latest.size(), 1u);
  EXPECT_EQ(latest[0].int64(0), 2);
  EXPECT_EQ(latest[0].text(1), "[\"" + customer + "\"]");
  EXPECT_EQ(
      must("SELECT count(*) FROM waitlist WHERE product_id = $1::uuid", {product})[0].int64(0), 0);
}

TEST_F(InventoryTest, StockOnHandCannotGoBelowWhatIsReserved) {
  const auto product = product_with_stock(10);
  ASSERT_TRUE(run(inventory_->reserve(order_id(1), {{product, 6}}, kTtl, kNoCaller)));
  auto below = run(inventory_->set_on_hand(product, 5, kNoCaller));
  ASSERT_FALSE(below);
  EXPECT_EQ(below.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(run(inventory_->set_on_hand(product, 6, kNoCaller)));
}

// Sweeps until `order` has expired (others that are due expire on the way), or the
// deadline passes; whether it did.
asio::awaitable<bool> expire_within(InventoryRepository& inventory, std::string order,
                                    std::chrono::seconds deadline) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  const auto until = std::chrono::steady_clock::now() + deadline;
  while (std::chrono::steady_clock::now() < until) {
    auto expired = co_await inventory.expire_one();
    if (expired && *expired == order) co_return true;
    if (expired && *expired) continue;
    timer.expires_after(std::chrono::milliseconds(100));  // poll interval
    co_await timer.async_wait(asio::use_awaitable);
  }
  co_return false;
}

TEST_F(InventoryTest, AnAbandonedReservationExpiresAndGivesItsStockBack) {
  const auto product = product_with_stock(3);
  ASSERT_TRUE(
      run(inventory_->reserve(order_id(1), {{product, 3}}, std::chrono::seconds(1), kNoCaller)));
  EXPECT_EQ(level(product).reserved, 3);
  EXPECT_TRUE(run(expire_within(*inventory_, order_id(1), std::chrono::seconds(10))));
  EXPECT_EQ(level(product).reserved, 0);
  auto after = run(inventory_->commit(order_id(1), kNoCaller));
  ASSERT_FALSE(after);
  EXPECT_EQ(after.error().code, ErrorCode::kConflict);
}

}  // namespace
}  // namespace shop::product::repository
