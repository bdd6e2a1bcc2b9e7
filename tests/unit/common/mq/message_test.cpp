#include "common/mq/message.hpp"

#include <gtest/gtest.h>

#include "common/mq/topology.hpp"

namespace shop::common::mq {
namespace {

CloudEvent sample_event() {
  CloudEvent event;
  event.id = "0b7e3f4c-2a1d-4c55-9e2b-6f1a8d3c9e01";
  event.source = "/order-service";
  event.type = "order.created";
  event.subject = "order-1";
  event.sequence = 1;
  event.traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  return event;
}

Delivery sample_delivery(Headers headers = {}) {
  Delivery delivery;
  delivery.delivery_tag = 9;
  delivery.exchange = std::string(kEventsExchange);
  delivery.routing_key = "order.created";
  delivery.body = serialize(sample_event());
  delivery.content_type = std::string(kCloudEventsContentType);
  delivery.message_id = sample_event().id;
  delivery.headers = std::move(headers);
  return delivery;
}

TEST(MessageTest, AnEventGoesToTheEventsExchangeUnderItsType) {
  const OutgoingMessage message = event_message(sample_event());
  EXPECT_EQ(message.exchange, "shop.events");
  EXPECT_EQ(message.routing_key, "order.created");
  EXPECT_EQ(message.content_type, "application/cloudevents+json");
  EXPECT_EQ(message.message_id, sample_event().id);
  EXPECT_TRUE(message.persistent);
  EXPECT_FALSE(message.mandatory);  // an event nobody subscribed to yet is not an error
  EXPECT_EQ(header_string(message.headers, kTraceparentHeader), sample_event().traceparent);
  auto parsed = parse_cloud_event(message.body);
  ASSERT_TRUE(parsed) << parsed.error().detail;
  EXPECT_EQ(*parsed, sample_event());
}

TEST(MessageTest, AnEventWithoutTraceHasNoTraceHeader) {
  CloudEvent event = sample_event();
  event.traceparent.reset();
  EXPECT_FALSE(header_string(event_message(event).headers, kTraceparentHeader));
}

TEST(MessageTest, TheAttemptComesFromItsHeader) {
  EXPECT_EQ(attempt_of(sample_delivery()), 1);
  EXPECT_EQ(attempt_of(sample_delivery({{"x-shop-attempt", std::int64_t{3}}})), 3);
  EXPECT_EQ(attempt_of(sample_delivery({{"x-shop-attempt", std::int64_t{0}}})), 1);
  EXPECT_EQ(attempt_of(sample_delivery({{"x-shop-attempt", std::string("3")}})), 1);
  EXPECT_EQ(attempt_of(sample_delivery({{"x-shop-attempt", std::int64_t{1} << 40}})), 1);
}

TEST(MessageTest, ARetryCopyGoesToItsQueueWithTheNextAttempt) {
  const Delivery delivery = sample_delivery({{"traceparent", std::string("tp")}});
  const OutgoingMessage copy = retry_message(delivery, "orders.retry.100", 2);
  EXPECT_EQ(copy.exchange, "");
  EXPECT_EQ(copy.routing_key, "orders.retry.100");
  EXPECT_EQ(copy.body, delivery.body);
  EXPECT_EQ(copy.message_id, delivery.message_id);
  EXPECT_EQ(copy.content_type, delivery.content_type);
  EXPECT_TRUE(copy.persistent);
  EXPECT_TRUE(copy.mandatory);  // a missing retry queue must not swallow the message
  EXPECT_EQ(header_integer(copy.headers, kAttemptHeader), 2);
  EXPECT_EQ(header_string(copy.headers, "traceparent"), "tp");
}

TEST(MessageTest, ADeadLetterCopyRecordsWhyAndFromWhere) {
  const Delivery delivery = sample_delivery({{"x-shop-attempt", std::int64_t{5}}});
  const OutgoingMessage copy =
      dead_letter_message(delivery, "orders.dlq", "orders", "gave up after 5 attempts");
  EXPECT_EQ(copy.exchange, "");
  EXPECT_EQ(copy.routing_key, "orders.dlq");
  EXPECT_EQ(copy.body, delivery.body);
  EXPECT_TRUE(copy.mandatory);
  EXPECT_EQ(header_integer(copy.headers, kAttemptHeader), 5);
  EXPECT_EQ(header_string(copy.headers, kDeathReasonHeader), "gave up after 5 attempts");
  EXPECT_EQ(header_string(copy.headers, kDeathQueueHeader), "orders");
}

}  // namespace
}  // namespace shop::common::mq
