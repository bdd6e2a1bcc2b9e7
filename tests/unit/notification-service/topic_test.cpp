// Which events reach customers, as which message, and whom they concern.

#include "models/topic.hpp"

#include <gtest/gtest.h>

namespace shop::notification::models {
namespace {

constexpr const char* kOrder = "0d6f1a8e-0000-4000-8000-000000000001";
constexpr const char* kUser = "0d6f1a8e-0000-4000-8000-0000000000aa";

common::mq::CloudEvent event(std::string type, boost::json::object data) {
  common::mq::CloudEvent e;
  e.type = std::move(type);
  e.data = std::move(data);
  return e;
}

common::mq::CloudEvent status_changed(const char* to_status) {
  return event("order.status_changed",
               {{"order_id", kOrder}, {"user_id", kUser}, {"to_status", to_status}});
}

TEST(Topic, OrderStatesCustomersHearAbout) {
  const std::vector<std::pair<const char*, const char*>> told = {
      {"CONFIRMED", templates::kOrderConfirmed},
      {"WAITLISTED", templates::kOrderWaitlisted},
      {"SHIPPED", templates::kOrderShipped},
      {"DELIVERED", templates::kOrderDelivered}};
  for (const auto& [status, name] : told) {
    const auto topic = topic_of(status_changed(status));
    ASSERT_TRUE(topic) << status;
    EXPECT_EQ(topic->template_name, name);
    EXPECT_EQ(topic->order_id, kOrder);
    EXPECT_EQ(topic->user_ids, std::vector<std::string>{kUser});
  }
  // Cancellation has its own event; completion and PENDING are not news to anyone.
  for (const char* status : {"PENDING", "COMPLETED", "CANCELLED", ""}) {
    EXPECT_FALSE(topic_of(status_changed(status))) << status;
  }
}

TEST(Topic, PaymentFailureCarriesAmountAndReason) {
  const auto topic = topic_of(event("payment.failed", {{"order_id", kOrder},
                                                       {"user_id", kUser},
                                                       {"amount_cents", 2500},
                                                       {"currency", "EUR"},
                                                       {"reason", "card_declined"}}));
  ASSERT_TRUE(topic);
  EXPECT_EQ(topic->template_name, templates::kPaymentFailed);
  EXPECT_EQ(topic->amount_cents, 2500);
  EXPECT_EQ(topic->currency, "EUR");
  EXPECT_EQ(topic->reason, "card_declined");
}

TEST(Topic, WelcomeAndCancellation) {
  EXPECT_EQ(topic_of(event("user.registered", {{"user_id", kUser}}))->template_name,
            templates::kWelcome);
  EXPECT_EQ(
      topic_of(event("order.cancelled", {{"order_id", kOrder}, {"user_id", kUser}}))->template_name,
      templates::kOrderCancelled);
}

TEST(Topic, BackInStockConcernsTheWaitlist) {
  boost::json::array waiting{kUser, "0d6f1a8e-0000-4000-8000-0000000000bb"};
  const auto topic = topic_of(
      event("product.back_in_stock", {{"product_id", "p-1"}, {"waitlist_user_ids", waiting}}));
  ASSERT_TRUE(topic);
  EXPECT_EQ(topic->user_ids.size(), 2U);
  EXPECT_EQ(topic->product_id, "p-1");
  EXPECT_FALSE(topic_of(event("product.back_in_stock", {{"product_id", "p-1"}})));
}

TEST(Topic, EventsNoCustomerIsToldAbout) {
  for (const char* type :
       {"order.created", "payment.succeeded", "payment.refunded", "stock.low", "product.created"}) {
    EXPECT_FALSE(topic_of(event(type, {{"order_id", kOrder}, {"user_id", kUser}}))) << type;
  }
}

TEST(Topic, UsersConcernedIgnoresWhatIsNotAString) {
  boost::json::array waiting{kUser, 42, nullptr};
  EXPECT_EQ(users_concerned(event("product.back_in_stock", {{"waitlist_user_ids", waiting}})),
            std::vector<std::string>{kUser});
  EXPECT_TRUE(users_concerned(event("stock.low", {{"product_id", "p"}})).empty());
}

}  // namespace
}  // namespace shop::notification::models
