#include "models/order_log.hpp"

#include <gtest/gtest.h>

namespace shop::order::models {
namespace {

Order placed_order() {
  Order order;
  order.id = "order-1";
  order.user_id = "user-1";
  order.lines = {{"p1", "Lamp", 2, 1'500}};
  order.total_cents = 3'000;
  order.currency = "EUR";
  return order;
}

class OrderLogTest : public ::testing::Test {
 protected:
  std::vector<LogEntry> log;

  LogEntry& add(EntryType type) {
    LogEntry entry;
    entry.order_id = "order-1";
    entry.seq = static_cast<std::int64_t>(log.size()) + 1;
    entry.type = type;
    entry.at = "2026-11-26T10:00:0" + std::to_string(log.size()) + "Z";
    if (type == EntryType::kPlaced) entry.placed = placed_order();
    log.push_back(entry);
    return log.back();
  }

  Order folded() {
    auto order = fold(log);
    EXPECT_TRUE(order) << order.error().detail;
    return *order;
  }

  static std::vector<OrderStatus> statuses(const Order& order) {
    std::vector<OrderStatus> seen;
    for (const auto& change : order.history) seen.push_back(change.status);
    return seen;
  }
};

TEST_F(OrderLogTest, APlacedOrderIsPending) {
  add(EntryType::kPlaced);
  const auto order = folded();
  EXPECT_EQ(order.status, OrderStatus::kPending);
  EXPECT_EQ(order.total_cents, 3'000);
  EXPECT_EQ(order.version, 1);
  EXPECT_EQ(order.created_at, "2026-11-26T10:00:00Z");
  EXPECT_EQ(statuses(order), std::vector<OrderStatus>{OrderStatus::kPending});
}

TEST_F(OrderLogTest, TheHappyPathConfirmsAndShipsToCompletion) {
  add(EntryType::kPlaced);
  add(EntryType::kStockReserved);
  add(EntryType::kPaymentSucceeded).charge_id = "ch_1";
  add(EntryType::kStockCommitted);
  for (auto status : {OrderStatus::kShipped, OrderStatus::kDelivered, OrderStatus::kCompleted}) {
    add(EntryType::kStatusSet).status = status;
  }
  const auto order = folded();
  EXPECT_EQ(order.status, OrderStatus::kCompleted);
  EXPECT_EQ(order.payment, PaymentStatus::kSucceeded);
  EXPECT_EQ(order.charge_id, "ch_1");
  EXPECT_EQ(order.stock, StockState::kCommitted);
  EXPECT_EQ(statuses(order),
            (std::vector<OrderStatus>{OrderStatus::kPending, OrderStatus::kConfirmed,
                                      OrderStatus::kShipped, OrderStatus::kDelivered,
                                      OrderStatus::kCompleted}));
  EXPECT_EQ(order.updated_at, log.back().at);
}

TEST_F(OrderLogTest, AFailedPaymentCancelsWithItsReason) {
  add(EntryType::kPlaced);
  add(EntryType::kStockReserved);
  add(EntryType::kPaymentFailed).reason = "card_declined";
  const auto order = folded();
  EXPECT_EQ(order.status, OrderStatus::kCancelled);
  EXPECT_EQ(order.payment, PaymentStatus::kFailed);
  EXPECT_EQ(order.failure_reason, "card_declined");
  EXPECT_EQ(order.history.back().reason, "card_declined");
}

TEST_F(OrderLogTest, AChargeRecordedAfterACancelKeepsTheOrderCancelled) {
  add(EntryType::kPlaced);
  add(EntryType::kStockReserved);
  add(EntryType::kCancelled).reason = "cancelled_by_customer";
  add(EntryType::kPaymentSucceeded).charge_id = "ch_late";
  const auto order = folded();
  EXPECT_EQ(order.status, OrderStatus::kCancelled);
  EXPECT_EQ(order.payment, PaymentStatus::kSucceeded);
  EXPECT_EQ(order.history.size(), 2U);
}

TEST_F(OrderLogTest, ShortStockWaitlists) {
  add(EntryType::kPlaced);
  add(EntryType::kWaitlisted).reason = "out of stock: p1";
  EXPECT_EQ(folded().status, OrderStatus::kWaitlisted);
}

TEST_F(OrderLogTest, AnEmptyLogIsNotFound) {
  const auto order = fold(log);
  ASSERT_FALSE(order);
  EXPECT_EQ(order.error().code, common::ErrorCode::kNotFound);
}

TEST_F(OrderLogTest, AGapInTheSequenceIsAnError) {
  add(EntryType::kPlaced);
  add(EntryType::kStockReserved).seq = 3;
  EXPECT_FALSE(fold(log));
}

TEST_F(OrderLogTest, ALogMustStartWithThePlacement) {
  add(EntryType::kStockReserved);
  EXPECT_FALSE(fold(log));
}

TEST_F(OrderLogTest, NextEntryFollowsTheVersion) {
  add(EntryType::kPlaced);
  add(EntryType::kStockReserved);
  const auto entry = next_entry(folded(), EntryType::kPaymentSucceeded, "now");
  EXPECT_EQ(entry.seq, 3);
  EXPECT_EQ(entry.order_id, "order-1");
}

TEST(EntryTypeTest, NamesRoundTrip) {
  for (auto type : {EntryType::kPlaced, EntryType::kStockReserved, EntryType::kWaitlisted,
                    EntryType::kPaymentSucceeded, EntryType::kPaymentFailed,
                    EntryType::kStockCommitted, EntryType::kStockReleased, EntryType::kCancelled,
                    EntryType::kRefunded, EntryType::kStatusSet}) {
    EXPECT_EQ(parse_entry_type(to_string(type)), type);
  }
  EXPECT_FALSE(parse_entry_type("shipped"));
}

}  // namespace
}  // namespace shop::order::models
