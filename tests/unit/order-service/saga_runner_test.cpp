#include "saga/saga_runner.hpp"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include "common/mq/rfc3339.hpp"
#include "saga/waitlist.hpp"
#include "saga_fakes.hpp"
#include "support/io_runner.hpp"

namespace shop::order::saga {
namespace {

using models::EntryType;
using models::OrderStatus;
using std::chrono::seconds;
using Next = testing::FakePayments::Next;

constexpr const char* kLamp = "lamp";

class SagaRunnerTest : public ::testing::Test {
 protected:
  std::shared_ptr<testing::FakeOrderStore> store = std::make_shared<testing::FakeOrderStore>();
  std::shared_ptr<testing::FakeStock> stock = std::make_shared<testing::FakeStock>();
  std::shared_ptr<testing::FakePayments> payments = std::make_shared<testing::FakePayments>();
  std::chrono::system_clock::time_point now = *common::mq::parse_rfc3339("2026-11-26T10:00:00Z");
  SagaRunner runner{SagaDeps{.orders = store,
                             .stock = stock,
                             .payments = payments,
                             .payment_give_up = seconds(60),
                             .now = [this] { return now; }}};
  boost::asio::io_context io;
  const common::grpc_glue::CallContext call;
  int placed_ = 0;

  std::string place(std::int64_t quantity) {
    models::Order order;
    order.id = "order-" + std::to_string(++placed_);
    order.user_id = "user-1";
    order.lines = {{kLamp, "Lamp", quantity, 1'000}};
    order.total_cents = quantity * 1'000;
    order.currency = "EUR";
    order.card = {"pm_test", "visa", "4242"};
    auto entry = models::next_entry(order, EntryType::kPlaced, runner.timestamp());
    entry.placed = order;
    store->append_now(entry);
    return order.id;
  }

  models::Order advance(const std::string& order_id) {
    auto order = shop::testing::run_one(io, 1, runner.advance(order_id, call));
    EXPECT_TRUE(order) << order.error().detail;
    return *order;
  }

  models::Order cancel(const std::string& order_id) {
    const Decision decide =
        [this](const models::Order& order) -> common::Result<std::optional<models::LogEntry>> {
      auto entry = models::next_entry(order, EntryType::kCancelled, runner.timestamp());
      entry.reason = "cancelled_by_customer";
      return std::optional<models::LogEntry>(std::move(entry));
    };
    auto changed = shop::testing::run_one(io, 1, runner.change(order_id, decide));
    EXPECT_TRUE(changed);
    return advance(order_id);
  }

  std::vector<EntryType> types(const std::string& order_id) const {
    std::vector<EntryType> seen;
    for (const auto& entry : store->log(order_id)) seen.push_back(entry.type);
    return seen;
  }
};

TEST_F(SagaRunnerTest, ReservesChargesConfirmsAndCommits) {
  stock->available[kLamp] = 5;
  const auto id = place(2);
  const auto order = advance(id);
  EXPECT_EQ(order.status, OrderStatus::kConfirmed);
  EXPECT_EQ(order.stock, models::StockState::kCommitted);
  EXPECT_EQ(types(id),
            (std::vector<EntryType>{EntryType::kPlaced, EntryType::kStockReserved,
                                    EntryType::kPaymentSucceeded, EntryType::kStockCommitted}));
  EXPECT_EQ(stock->available[kLamp], 3);
  EXPECT_EQ(payments->charges[id], 1);
}

TEST_F(SagaRunnerTest, ADeclinedCardCancelsAndReleasesTheStock) {
  stock->available[kLamp] = 5;
  payments->next = Next::kDecline;
  const auto id = place(2);
  const auto order = advance(id);
  EXPECT_EQ(order.status, OrderStatus::kCancelled);
  EXPECT_EQ(order.failure_reason, "card_declined");
  EXPECT_EQ(order.stock, models::StockState::kReleased);
  EXPECT_EQ(stock->available[kLamp], 5);
  EXPECT_FALSE(payments->charges.contains(id));
}

TEST_F(SagaRunnerTest, ShortStockWaitlistsWithoutCharging) {
  stock->available[kLamp] = 1;
  const auto id = place(2);
  EXPECT_EQ(advance(id).status, OrderStatus::kWaitlisted);
  EXPECT_FALSE(payments->charges.contains(id));
  EXPECT_EQ(stock->available[kLamp], 1);
}

TEST_F(SagaRunnerTest, ProductServiceDownLeavesTheOrderPendingUntouched) {
  stock->down = true;
  const auto id = place(1);
  EXPECT_EQ(advance(id).status, OrderStatus::kPending);
  EXPECT_EQ(types(id), std::vector<EntryType>{EntryType::kPlaced});
  stock->down = false;
  stock->available[kLamp] = 1;
  EXPECT_EQ(advance(id).status, OrderStatus::kConfirmed);  // the recovery worker's next round
}

TEST_F(SagaRunnerTest, AProviderOutageWaitsThenCancelsWhenNothingWasCharged) {
  stock->available[kLamp] = 5;
  payments->next = Next::kOutage;
  const auto id = place(1);
  auto order = advance(id);
  EXPECT_EQ(order.status, OrderStatus::kPending);
  EXPECT_EQ(order.stock, models::StockState::kReserved);
  now += seconds(61);
  order = advance(id);
  EXPECT_EQ(order.status, OrderStatus::kCancelled);
  EXPECT_EQ(order.failure_reason, "payment_provider_unavailable");
  EXPECT_EQ(stock->available[kLamp], 5);
}

TEST_F(SagaRunnerTest, ALostAnswerIsSettledFromTheProvidersBooks) {
  stock->available[kLamp] = 5;
  payments->next = Next::kOutageAfterCharging;
  const auto id = place(1);
  EXPECT_EQ(advance(id).status, OrderStatus::kPending);
  now += seconds(61);
  const auto order = advance(id);
  EXPECT_EQ(order.status, OrderStatus::kConfirmed);
  EXPECT_EQ(order.charge_id, "ch_" + id);
  EXPECT_EQ(payments->charges[id], 1);
}

TEST_F(SagaRunnerTest, NothingIsDecidedWhileTheProviderCannotSay) {
  stock->available[kLamp] = 5;
  payments->next = Next::kOutage;
  payments->lookup_down = true;
  const auto id = place(1);
  now += seconds(61);
  EXPECT_EQ(advance(id).status, OrderStatus::kPending);
}

TEST_F(SagaRunnerTest, AChargeThatLosesTheRaceToACancelIsRecordedAndRefunded) {
  stock->available[kLamp] = 5;
  const auto id = place(1);
  // The customer cancels between the charge and the saga's record of it.
  store->before_next_append = [this, id] {
    auto order = models::fold(store->log(id));
    if (order->stock == models::StockState::kNone) {  // not yet: the reservation goes first
      store->before_next_append = [this, id] {
        auto reserved = models::fold(store->log(id));
        auto entry = models::next_entry(*reserved, EntryType::kCancelled, "2026-11-26T10:00:01Z");
        entry.reason = "cancelled_by_customer";
        store->append_now(entry);
      };
    }
  };
  const auto order = advance(id);
  EXPECT_EQ(order.status, OrderStatus::kCancelled);
  EXPECT_EQ(order.payment, models::PaymentStatus::kRefunded);
  EXPECT_TRUE(payments->refunded.contains(id));
  EXPECT_EQ(order.stock, models::StockState::kReleased);
  EXPECT_EQ(stock->available[kLamp], 5);
}

TEST_F(SagaRunnerTest, CancellingAConfirmedOrderRefundsAndReturnsTheStock) {
  stock->available[kLamp] = 5;
  const auto id = place(2);
  ASSERT_EQ(advance(id).status, OrderStatus::kConfirmed);
  const auto order = cancel(id);
  EXPECT_EQ(order.status, OrderStatus::kCancelled);
  EXPECT_EQ(order.payment, models::PaymentStatus::kRefunded);
  EXPECT_TRUE(stock->returned.contains(id));
  EXPECT_EQ(order.stock, models::StockState::kReleased);
}

TEST_F(SagaRunnerTest, ACommitMissingFromTheLogIsUndoneByAReturn) {
  stock->available[kLamp] = 5;
  const auto id = place(2);
  // Confirmed, then product-service goes away before the commit's answer comes back:
  // the commit happened there, but the log never heard of it.
  store->before_next_append = [this] {
    store->before_next_append = [this] { stock->down = true; };
  };
  const auto confirmed = advance(id);
  ASSERT_EQ(confirmed.status, OrderStatus::kConfirmed);
  ASSERT_EQ(confirmed.stock, models::StockState::kReserved);
  stock->down = false;
  stock->committed.insert(id);
  const auto order = cancel(id);
  EXPECT_EQ(order.status, OrderStatus::kCancelled);
  EXPECT_TRUE(stock->returned.contains(id));
  EXPECT_EQ(order.stock, models::StockState::kReleased);
  EXPECT_EQ(stock->available[kLamp], 5);
}

TEST_F(SagaRunnerTest, WaitlistedOrdersAreServedFirstComeFirstServed) {
  stock->available[kLamp] = 0;
  const auto first = place(2);
  const auto second = place(1);
  const auto third = place(1);
  for (const auto& id : {first, second, third})
    ASSERT_EQ(advance(id).status, OrderStatus::kWaitlisted);

  stock->available[kLamp] = 1;  // not enough for the first: nobody jumps the queue
  auto served = shop::testing::run_one(io, 1, serve_waitlist(runner, *store, kLamp));
  ASSERT_TRUE(served);
  EXPECT_EQ(*served, 0U);
  EXPECT_EQ(models::fold(store->log(second))->status, OrderStatus::kWaitlisted);

  stock->available[kLamp] = 3;
  served = shop::testing::run_one(io, 1, serve_waitlist(runner, *store, kLamp));
  ASSERT_TRUE(served);
  EXPECT_EQ(*served, 2U);
  EXPECT_EQ(models::fold(store->log(first))->status, OrderStatus::kConfirmed);
  EXPECT_EQ(models::fold(store->log(second))->status, OrderStatus::kConfirmed);
  EXPECT_EQ(models::fold(store->log(third))->status, OrderStatus::kWaitlisted);
  EXPECT_EQ(payments->charges.size(), 2U);
  const auto history = models::fold(store->log(first))->history;
  ASSERT_GE(history.size(), 3U);
  EXPECT_EQ(history[1].status, OrderStatus::kWaitlisted);
  EXPECT_EQ(history[2].status, OrderStatus::kPending);
}

TEST_F(SagaRunnerTest, AWaitlistedOrderWhoseCardFailsIsCancelledAndTheNextIsServed) {
  stock->available[kLamp] = 0;
  const auto first = place(1);
  const auto second = place(1);
  for (const auto& id : {first, second}) ASSERT_EQ(advance(id).status, OrderStatus::kWaitlisted);
  stock->available[kLamp] = 1;
  payments->next = Next::kDecline;
  auto served = shop::testing::run_one(io, 1, serve_waitlist(runner, *store, kLamp));
  ASSERT_TRUE(served);
  EXPECT_EQ(models::fold(store->log(first))->status, OrderStatus::kCancelled);
  // The first one's stock came back when it was cancelled; the second is tried with it.
  EXPECT_EQ(models::fold(store->log(second))->status, OrderStatus::kCancelled);
  EXPECT_EQ(stock->available[kLamp], 1);
}

TEST(WaitlistEventsTest, ProductsComeFromTheProductOrTheItems) {
  common::mq::CloudEvent back;
  back.data = {{"product_id", "p1"}};
  EXPECT_EQ(products_in(back), std::vector<std::string>{"p1"});
  common::mq::CloudEvent released;
  released.data = {{"order_id", "o1"},
                   {"items", boost::json::array{boost::json::object{{"product_id", "p2"}},
                                                boost::json::object{{"product_id", "p3"}}}}};
  EXPECT_EQ(products_in(released), (std::vector<std::string>{"p2", "p3"}));
}

}  // namespace
}  // namespace shop::order::saga
