#include <gtest/gtest.h>

#include <map>
#include <string>

#include "middleware/rate_limit_settings.hpp"
#include "middleware/redis_address.hpp"
#include "support/fake_env.hpp"

namespace shop::gateway::middleware {
namespace {

using Env = test::EnvVars;

TEST(RateLimitSettingsTest, DefaultsRunTheLocalStack) {
  const auto settings = RateLimitSettings::from_env(test::fake_env({}));
  EXPECT_TRUE(settings.enabled);
  EXPECT_EQ(settings.limits.auth, BucketLimit::per_minute(20));
  EXPECT_EQ(settings.limits.write, BucketLimit::per_minute(600));
  EXPECT_EQ(settings.limits.read, BucketLimit::per_minute(6000));
  ASSERT_TRUE(settings.redis.has_value());
  EXPECT_EQ(settings.redis->host, "127.0.0.1");
  EXPECT_EQ(settings.redis->port, 6379);
  EXPECT_EQ(settings.redis_timeout, std::chrono::milliseconds(50));
  EXPECT_EQ(settings.redis_connections, 4u);
  EXPECT_EQ(settings.local_keys, 100'000u);
}

TEST(RateLimitSettingsTest, EveryVariableIsRead) {
  const auto settings = RateLimitSettings::from_env(test::fake_env({
      {"RATE_LIMIT_ENABLED", "false"},
      {"RATE_LIMIT_AUTH_PER_MINUTE", "5"},
      {"RATE_LIMIT_WRITE_PER_MINUTE", "60"},
      {"RATE_LIMIT_READ_PER_MINUTE", "120"},
      {"REDIS_URL", "redis://cache.internal:6380/2"},
      {"RATE_LIMIT_REDIS_TIMEOUT_MS", "20ms"},
      {"RATE_LIMIT_REDIS_CONNECTIONS", "8"},
      {"RATE_LIMIT_LOCAL_KEYS", "1000"},
  }));
  EXPECT_FALSE(settings.enabled);
  EXPECT_EQ(settings.limits.of(RouteClass::kAuth), BucketLimit::per_minute(5));
  EXPECT_EQ(settings.limits.of(RouteClass::kWrite), BucketLimit::per_minute(60));
  EXPECT_EQ(settings.limits.of(RouteClass::kRead), BucketLimit::per_minute(120));
  ASSERT_TRUE(settings.redis.has_value());
  EXPECT_EQ(*settings.redis, (RedisAddress{.host = "cache.internal", .port = 6380, .database = 2}));
  EXPECT_EQ(settings.redis_timeout, std::chrono::milliseconds(20));
  EXPECT_EQ(settings.redis_connections, 8u);
  EXPECT_EQ(settings.local_keys, 1000u);
}

TEST(RateLimitSettingsTest, AnEmptyRedisUrlMeansBucketsPerReplica) {
  const auto settings = RateLimitSettings::from_env(test::fake_env({{"REDIS_URL", ""}}));
  EXPECT_FALSE(settings.redis.has_value());
}

TEST(RateLimitSettingsTest, EveryInvalidVariableIsNamedAtOnce) {
  try {
    RateLimitSettings::from_env(test::fake_env({{"RATE_LIMIT_AUTH_PER_MINUTE", "0"},
                                                {"RATE_LIMIT_READ_PER_MINUTE", "many"},
                                                {"RATE_LIMIT_ENABLED", "perhaps"},
                                                {"REDIS_URL", "http://127.0.0.1:6379"}}));
    FAIL() << "expected a ConfigError";
  } catch (const common::config::ConfigError& error) {
    const std::string message = error.what();
    for (const auto* name : {"RATE_LIMIT_AUTH_PER_MINUTE", "RATE_LIMIT_READ_PER_MINUTE",
                             "RATE_LIMIT_ENABLED", "REDIS_URL"}) {
      EXPECT_NE(message.find(name), std::string::npos) << name << " missing from: " << message;
    }
    EXPECT_EQ(error.problems().size(), 4u);
  }
}

TEST(RedisAddressTest, HostAndPortDefaultTheRest) {
  const auto address = parse_redis_url("redis://127.0.0.1");
  ASSERT_TRUE(address);
  EXPECT_EQ(*address, (RedisAddress{.host = "127.0.0.1", .port = 6379}));
}

TEST(RedisAddressTest, CredentialsAndDatabase) {
  const auto password_only = parse_redis_url("redis://:s%40cret@localhost:7000/3");
  ASSERT_TRUE(password_only);
  EXPECT_EQ(
      *password_only,
      (RedisAddress{
          .host = "localhost", .port = 7000, .username = "", .password = "s@cret", .database = 3}));
  const auto with_user = parse_redis_url("redis://gateway:pw@localhost/");
  ASSERT_TRUE(with_user);
  EXPECT_EQ(with_user->username, "gateway");
  EXPECT_EQ(with_user->password, "pw");
  EXPECT_EQ(with_user->database, 0);
}

TEST(RedisAddressTest, Ipv6HostsLoseTheirBrackets) {
  const auto address = parse_redis_url("redis://[::1]:6390");
  ASSERT_TRUE(address);
  EXPECT_EQ(address->host, "::1");
  EXPECT_EQ(address->port, 6390);
}

TEST(RedisAddressTest, WhatCannotBeUsedIsRefused) {
  for (const auto* url :
       {"rediss://127.0.0.1:6379", "http://127.0.0.1", "redis://", "redis://127.0.0.1:6379/x",
        "redis://127.0.0.1:6379/-1", "redis://127.0.0.1:0", "not a url"}) {
    const auto address = parse_redis_url(url);
    EXPECT_FALSE(address) << url;
    if (!address) {
      EXPECT_EQ(address.error().code, common::ErrorCode::kBadRequest) << url;
    }
  }
}

}  // namespace
}  // namespace shop::gateway::middleware
