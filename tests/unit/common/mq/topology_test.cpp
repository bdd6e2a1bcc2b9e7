#include "common/mq/topology.hpp"

#include <gtest/gtest.h>

namespace shop::common::mq {
namespace {

using namespace std::chrono_literals;

TEST(TopologyTest, NamesRetryAndDeadLetterQueuesAfterTheQueue) {
  EXPECT_EQ(retry_queue_name("notification.orders", 1500ms), "notification.orders.retry.1500");
  EXPECT_EQ(dead_letter_queue_name("notification.orders"), "notification.orders.dlq");
}

TEST(TopologyTest, DeclaresOneRetryQueuePerDelayThatReturnsToTheQueue) {
  const ConsumerTopology topology = consumer_topology(
      "orders", {"order.*", "payment.#"}, {.max_attempts = 5, .base = 100ms, .cap = 300ms});
  EXPECT_EQ(topology.queue, (QueueSpec{"orders", std::nullopt, std::nullopt}));
  EXPECT_EQ(topology.bindings, (std::vector<std::string>{"order.*", "payment.#"}));
  EXPECT_EQ(topology.dead_letter_queue, (QueueSpec{"orders.dlq", std::nullopt, std::nullopt}));
  EXPECT_EQ(topology.retry_queues, (std::vector<QueueSpec>{
                                       {"orders.retry.100", 100ms, "orders"},
                                       {"orders.retry.200", 200ms, "orders"},
                                       {"orders.retry.300", 300ms, "orders"},
                                   }));
}

TEST(TopologyTest, ChecksQueueNames) {
  EXPECT_TRUE(is_valid_queue_name("notification-service.orders_v2:eu"));
  EXPECT_FALSE(is_valid_queue_name(""));
  EXPECT_FALSE(is_valid_queue_name("has space"));
  EXPECT_FALSE(is_valid_queue_name("amq/slash"));
  EXPECT_FALSE(is_valid_queue_name(std::string(201, 'q')));
}

TEST(TopologyTest, ChecksBindingPatterns) {
  for (const char* good : {"#", "*", "order.*", "order.#", "*.created", "stock.reserved-v2"}) {
    EXPECT_TRUE(is_valid_binding(good)) << good;
  }
  for (const char* bad :
       {"", ".", "order.", ".order", "order..created", "Order.*", "order.c*", "order created"}) {
    EXPECT_FALSE(is_valid_binding(bad)) << bad;
  }
}

}  // namespace
}  // namespace shop::common::mq
