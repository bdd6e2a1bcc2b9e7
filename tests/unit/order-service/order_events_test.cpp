#include "models/order_events.hpp"

#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include <set>

#include "common/text.hpp"
#include "proto/events.pb.h"

namespace shop::order::models {
namespace {

class OrderEventsTest : public ::testing::Test {
 protected:
  Order order;
  std::vector<OrderEvent> published;

  // Applies the entry and returns the events it stands for.
  std::vector<OrderEvent> append(EntryType type, std::string reason = {},
                                 std::optional<OrderStatus> status = std::nullopt) {
    LogEntry entry = next_entry(order, type, "2026-11-26T10:00:00Z");
    entry.reason = std::move(reason);
    entry.status = status;
    if (type == EntryType::kPlaced) {
      Order placed;
      placed.id = "7d0e5b8a-1c2d-4e3f-8a9b-0c1d2e3f4a5b";
      placed.user_id = "user-1";
      placed.lines = {{"p1", "Lamp", 2, 1'500}};
      placed.total_cents = 3'000;
      placed.currency = "EUR";
      entry.placed = placed;
    }
    if (type == EntryType::kPaymentSucceeded) entry.charge_id = "ch_1";
    const auto before = order;
    apply(order, entry);
    auto events = events_for(before, entry, order);
    published.insert(published.end(), events.begin(), events.end());
    return events;
  }

  static std::vector<std::string> types(const std::vector<OrderEvent>& events) {
    std::vector<std::string> names;
    for (const auto& event : events) names.push_back(event.type);
    return names;
  }

  template <class Message>
  static Message parsed(const OrderEvent& event) {
    Message message;
    const auto json = boost::json::serialize(event.data);
    EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(json, &message).ok()) << json;
    return message;
  }
};

TEST_F(OrderEventsTest, APlacementIsOrderCreated) {
  const auto events = append(EntryType::kPlaced);
  ASSERT_EQ(types(events), std::vector<std::string>{"order.created"});
  const auto created = parsed<events::v1::OrderCreated>(events[0]);
  EXPECT_EQ(created.order_id(), order.id);
  EXPECT_EQ(created.total_cents(), 3'000);
  ASSERT_EQ(created.items_size(), 1);
  EXPECT_EQ(created.items(0).quantity(), 2);
}

TEST_F(OrderEventsTest, APaymentConfirmsAndSaysSo) {
  append(EntryType::kPlaced);
  EXPECT_TRUE(append(EntryType::kStockReserved).empty());
  const auto events = append(EntryType::kPaymentSucceeded);
  ASSERT_EQ(types(events), (std::vector<std::string>{"payment.succeeded", "order.status_changed"}));
  EXPECT_EQ(parsed<events::v1::PaymentSucceeded>(events[0]).charge_id(), "ch_1");
  const auto changed = parsed<events::v1::OrderStatusChanged>(events[1]);
  EXPECT_EQ(changed.from_status(), "PENDING");
  EXPECT_EQ(changed.to_status(), "CONFIRMED");
}

TEST_F(OrderEventsTest, AFailedPaymentCancels) {
  append(EntryType::kPlaced);
  append(EntryType::kStockReserved);
  const auto events = append(EntryType::kPaymentFailed, "card_declined");
  ASSERT_EQ(types(events), (std::vector<std::string>{"payment.failed", "order.status_changed",
                                                     "order.cancelled"}));
  EXPECT_EQ(parsed<events::v1::PaymentFailed>(events[0]).reason(), "card_declined");
  EXPECT_EQ(parsed<events::v1::OrderCancelled>(events[2]).reason(), "card_declined");
}

TEST_F(OrderEventsTest, FulfilmentStepsAreStatusChanges) {
  append(EntryType::kPlaced);
  append(EntryType::kStockReserved);
  append(EntryType::kPaymentSucceeded);
  const auto shipped = append(EntryType::kStatusSet, {}, OrderStatus::kShipped);
  ASSERT_EQ(types(shipped), std::vector<std::string>{"order.status_changed"});
  EXPECT_EQ(parsed<events::v1::OrderStatusChanged>(shipped[0]).to_status(), "SHIPPED");
}

TEST_F(OrderEventsTest, IdsAreStableUuidsAndSequencesGrow) {
  append(EntryType::kPlaced);
  append(EntryType::kStockReserved);
  append(EntryType::kPaymentFailed, "insufficient_funds");
  std::set<std::string> ids;
  std::int64_t last = 0;
  for (const auto& event : published) {
    EXPECT_TRUE(common::is_uuid(event.id)) << event.id;
    EXPECT_EQ(event.id, event_id(order.id, event.sequence));
    EXPECT_GT(event.sequence, last);
    last = event.sequence;
    ids.insert(event.id);
  }
  EXPECT_EQ(ids.size(), published.size());
  EXPECT_NE(event_id(order.id, 10), event_id("another-order", 10));
}

}  // namespace
}  // namespace shop::order::models
