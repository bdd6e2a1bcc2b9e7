#include "common/mq/mq_settings.hpp"

#include <gtest/gtest.h>

#include <map>
#include "support/fake_env.hpp"

namespace shop::common::mq {
namespace {

using namespace std::chrono_literals;

TEST(MqSettingsTest, DefaultsRunTheLocalStack) {
  config::EnvReader env(test::fake_env({}));
  const MqSettings settings = MqSettings::from_env(env);
  EXPECT_TRUE(env.ok());
  EXPECT_EQ(settings.address, (AmqpAddress{"127.0.0.1", 5672, "guest", "guest", "/"}));
  EXPECT_EQ(settings.publish_timeout, 5000ms);
  EXPECT_EQ(settings.prefetch, 16);
  EXPECT_EQ(settings.retry.max_attempts, 5);
  EXPECT_EQ(settings.retry.base, 1000ms);
  EXPECT_EQ(settings.retry.cap, 60000ms);
  EXPECT_EQ(settings.outbox_poll_interval, 1000ms);
  EXPECT_EQ(settings.outbox_batch_size, 100U);
}

TEST(MqSettingsTest, ReadsEveryVariable) {
  config::EnvReader env(test::fake_env({{"SHOP_AMQP_URL", "amqp://shop:pw@mq:5673/orders"},
                                        {"SHOP_AMQP_CONNECT_TIMEOUT", "2s"},
                                        {"SHOP_AMQP_PUBLISH_TIMEOUT", "750ms"},
                                        {"SHOP_AMQP_PREFETCH", "4"},
                                        {"SHOP_MQ_MAX_ATTEMPTS", "3"},
                                        {"SHOP_MQ_RETRY_BASE", "250ms"},
                                        {"SHOP_MQ_RETRY_CAP", "10s"},
                                        {"SHOP_OUTBOX_POLL_INTERVAL", "500ms"},
                                        {"SHOP_OUTBOX_BATCH_SIZE", "20"}}));
  const MqSettings settings = MqSettings::from_env(env);
  ASSERT_TRUE(env.ok());
  EXPECT_EQ(settings.address, (AmqpAddress{"mq", 5673, "shop", "pw", "orders"}));
  EXPECT_EQ(settings.connect_timeout, 2000ms);
  EXPECT_EQ(settings.publish_timeout, 750ms);
  EXPECT_EQ(settings.prefetch, 4);
  EXPECT_EQ(settings.retry.max_attempts, 3);
  EXPECT_EQ(settings.retry.base, 250ms);
  EXPECT_EQ(settings.retry.cap, 10000ms);
  EXPECT_EQ(settings.outbox_poll_interval, 500ms);
  EXPECT_EQ(settings.outbox_batch_size, 20U);

  const ConsumerConfig consumer =
      settings.consumer("notification-service", "notification.orders", {"order.*"});
  EXPECT_EQ(consumer.amqp.connection_name, "notification-service");
  EXPECT_EQ(consumer.amqp.address.host, "mq");
  EXPECT_GT(consumer.amqp.heartbeat, 0s);  // a waiting consumer must notice a dead broker
  EXPECT_EQ(consumer.prefetch, 4);
  EXPECT_EQ(consumer.retry.max_attempts, 3);
  EXPECT_EQ(settings.publisher("product-service").publish_timeout, 750ms);
  EXPECT_EQ(settings.relay("host=db").batch_size, 20U);
}

TEST(MqSettingsTest, ReportsInvalidNumbersTogether) {
  config::EnvReader env(test::fake_env({{"SHOP_AMQP_PREFETCH", "0"},
                                        {"SHOP_MQ_MAX_ATTEMPTS", "many"},
                                        {"SHOP_AMQP_PUBLISH_TIMEOUT", "soon"}}));
  MqSettings::from_env(env);
  EXPECT_EQ(env.errors().size(), 3U);
}

TEST(MqSettingsTest, RefusesAnInvalidUrlAtOnce) {
  config::EnvReader env(test::fake_env({{"SHOP_AMQP_URL", "amqps://mq/"}}));
  EXPECT_THROW(MqSettings::from_env(env), config::ConfigError);
}

}  // namespace
}  // namespace shop::common::mq
