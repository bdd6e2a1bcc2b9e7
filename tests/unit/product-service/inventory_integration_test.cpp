// Stock reservations against a real PostgreSQL: all-or-nothing, idempotent per order,
// never oversold under hundreds of parallel reservers, and expiring.

#include <gtest/gtest.h>

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "../common/db/database_fixture.hpp"
#include "common/db/migrations.hpp"
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

  std::shared_ptr<common::db::Pool> pool_;
  std::shared_ptr<PgCatalogRepository> catalog_;
  std::shared_ptr<PgInventoryRepository> inventory_;
  int next_ = 0;
};

TEST_F(InventoryTest, HundredsOfParallelReservationsNeverOversell) {
  const auto product = product_with_stock(50);
  // The tasks start later and read their arguments then: these must outlive them.
  const std::vector<models::StockRequestLine> one_unit{{product, 1}};
  std::vector<std::string> orders;
  for (int i = 0; i < 300; ++i) orders.push_back(order_id(i));
  std::vector<asio::awaitable<common::Result<models::Reservation>>> tasks;
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
  std::vector<asio::awaitable<common::Result<models::Reservation>>> tasks;
  for (int i = 0; i < 20; ++i)
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
