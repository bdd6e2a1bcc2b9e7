#include "common/mq/amqp_url.hpp"

#include <gtest/gtest.h>

namespace shop::common::mq {
namespace {

TEST(AmqpUrlTest, ReadsEveryPart) {
  auto address = parse_amqp_url("amqp://shop:s3cret@broker.internal:5673/orders");
  ASSERT_TRUE(address) << address.error().detail;
  EXPECT_EQ(*address, (AmqpAddress{"broker.internal", 5673, "shop", "s3cret", "orders"}));
}

TEST(AmqpUrlTest, DefaultsToGuestOnPort5672AndTheRootVhost) {
  auto address = parse_amqp_url("amqp://127.0.0.1");
  ASSERT_TRUE(address) << address.error().detail;
  EXPECT_EQ(*address, (AmqpAddress{"127.0.0.1", 5672, "guest", "guest", "/"}));
}

TEST(AmqpUrlTest, ReadsTheLocalStackDefault) {
  auto address = parse_amqp_url("amqp://guest:guest@127.0.0.1:5672/");
  ASSERT_TRUE(address) << address.error().detail;
  EXPECT_EQ(address->vhost, "/");
  EXPECT_EQ(address->port, 5672);
}

TEST(AmqpUrlTest, DecodesPercentEscapes) {
  auto address = parse_amqp_url("amqp://us%40er:p%3Ass@localhost/%2F");
  ASSERT_TRUE(address) << address.error().detail;
  EXPECT_EQ(address->user, "us@er");
  EXPECT_EQ(address->password, "p:ss");
  EXPECT_EQ(address->vhost, "/");
}

TEST(AmqpUrlTest, AllowsAnEmptyPassword) {
  auto address = parse_amqp_url("amqp://reader@localhost/");
  ASSERT_TRUE(address) << address.error().detail;
  EXPECT_EQ(address->user, "reader");
  EXPECT_EQ(address->password, "");
}

TEST(AmqpUrlTest, RefusesWhatItCannotUse) {
  for (const char* bad : {
           "", "localhost:5672", "http://localhost/",
           "amqps://localhost/",  // no TLS here
           "amqp:///vhost",       // no host
           "amqp://localhost:0/", "amqp://localhost:70000/", "amqp://localhost:56x2/",
           "amqp://localhost/a/b",  // a slash in the vhost must be %2F
           "amqp://localhost/?heartbeat=10",
           "amqp://:pw@localhost/",  // empty user
       }) {
    auto address = parse_amqp_url(bad);
    EXPECT_FALSE(address) << bad;
    if (!address) {
      EXPECT_EQ(address.error().code, ErrorCode::kBadRequest) << bad;
    }
  }
}

TEST(AmqpUrlTest, DescribesWithoutThePassword) {
  EXPECT_EQ(describe({"127.0.0.1", 5672, "guest", "guest", "/"}), "amqp://guest@127.0.0.1:5672/");
  EXPECT_EQ(describe({"mq", 5673, "shop", "secret", "orders"}), "amqp://shop@mq:5673/orders");
}

}  // namespace
}  // namespace shop::common::mq
