#include "models/events.hpp"

#include <gtest/gtest.h>

namespace shop::product::models {
namespace {

TEST(Events, ProductEventsCarryTheProductAsData) {
  Product product{"p-1", "SKU-1", "Lamp", "Bright", 1999, "EUR", "", 4, "t0", "t1"};
  const auto event = product_created(product);
  EXPECT_EQ(event.type, "product.created");
  EXPECT_EQ(event.subject, "p-1");
  EXPECT_EQ(event.aggregate_type, kProductAggregate);
  const auto data = event.data;
  EXPECT_EQ(data.at("price_cents").as_int64(), 1999);
  EXPECT_EQ(data.at("stock_available").as_int64(), 4);
  EXPECT_EQ(product_updated(product).type, "product.updated");
  EXPECT_EQ(product_deleted("p-1").type, "product.deleted");
}

TEST(Events, ReservationEventsAreAboutTheOrder) {
  Reservation reservation{
      "order-9", ReservationStatus::kExpired, {{"p-1", 2, 500, "EUR", "Lamp"}}, "t"};
  const auto event = reservation_event(event_type::kStockReleased, reservation);
  EXPECT_EQ(event.subject, "order-9");
  EXPECT_EQ(event.aggregate_type, kReservationAggregate);
  const auto data = event.data;
  EXPECT_EQ(data.at("status").as_string(), "expired");
  EXPECT_EQ(data.at("items").as_array().at(0).as_object().at("quantity").as_int64(), 2);
}

TEST(Events, AReturnIsAReservationEventWithItsStatus) {
  Reservation reservation{
      "order-7", ReservationStatus::kReturned, {{"p-1", 3, 500, "EUR", "Lamp"}}, "t"};
  const auto event = reservation_event(event_type::kStockReturned, reservation);
  EXPECT_EQ(event.type, "stock.returned");
  EXPECT_EQ(event.subject, "order-7");
  EXPECT_EQ(event.aggregate_type, kReservationAggregate);
  const auto data = event.data;
  EXPECT_EQ(data.at("status").as_string(), "returned");
  EXPECT_EQ(data.at("items").as_array().at(0).as_object().at("product_id").as_string(), "p-1");
}

TEST(Events, BackInStockNamesTheWaitingCustomers) {
  const auto event = back_in_stock("p-1", 7, {"u-1", "u-2"});
  EXPECT_EQ(event.type, "product.back_in_stock");
  const auto data = event.data;
  EXPECT_EQ(data.at("waitlist_user_ids").as_array().size(), 2u);
  EXPECT_EQ(data.at("stock_available").as_int64(), 7);
  EXPECT_EQ(stock_low("p-1", 2, 5).type, "stock.low");
}

}  // namespace
}  // namespace shop::product::models
