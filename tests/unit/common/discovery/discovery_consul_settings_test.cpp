// Discovery settings from the environment.

#include <gtest/gtest.h>

#include <map>

#include "common/discovery/consul_settings.hpp"
#include "support/fake_env.hpp"

namespace shop::common::discovery {
namespace {

using namespace std::chrono_literals;

TEST(ConsulSettingsTest, UnsetOrEmptyAddressTurnsDiscoveryOff) {
  for (const char* value : {"", "  "}) {
    config::EnvReader env(test::fake_env({{"CONSUL_HTTP_ADDR", value}}));
    EXPECT_FALSE(ConsulSettings::from_env(env).enabled()) << "'" << value << "'";
  }
  config::EnvReader unset(test::fake_env({}));
  const ConsulSettings settings = ConsulSettings::from_env(unset);
  EXPECT_TRUE(unset.ok());
  EXPECT_FALSE(settings.enabled());
  EXPECT_EQ(settings.request_timeout, 2000ms);
  EXPECT_EQ(settings.watch_wait, 30s);
  EXPECT_EQ(settings.token, "");
  EXPECT_EQ(settings.advertise_address, "");
}

TEST(ConsulSettingsTest, ReadsEveryVariable) {
  config::EnvReader env(test::fake_env({{"CONSUL_HTTP_ADDR", "127.0.0.1:18500"},
                                        {"CONSUL_HTTP_TOKEN", "secret"},
                                        {"CONSUL_TIMEOUT_MS", "750ms"},
                                        {"CONSUL_WATCH_WAIT_MS", "5s"},
                                        {"CONSUL_SERVICE_ADDRESS", "10.0.0.5"}}));
  const ConsulSettings settings = ConsulSettings::from_env(env);
  ASSERT_TRUE(env.ok());
  ASSERT_TRUE(settings.enabled());
  EXPECT_EQ(settings.agent->host, "127.0.0.1");
  EXPECT_EQ(settings.agent->port, 18500);
  EXPECT_EQ(settings.token, "secret");
  EXPECT_EQ(settings.request_timeout, 750ms);
  EXPECT_EQ(settings.watch_wait, 5s);
  EXPECT_EQ(settings.advertise_address, "10.0.0.5");
}

TEST(ConsulSettingsTest, WatchWaitStaysWithinWhatConsulTakes) {
  config::EnvReader short_wait(test::fake_env({{"CONSUL_WATCH_WAIT_MS", "10"}}));
  EXPECT_EQ(ConsulSettings::from_env(short_wait).watch_wait, 1s);
  config::EnvReader long_wait(test::fake_env({{"CONSUL_WATCH_WAIT_MS", "2h"}}));
  EXPECT_EQ(ConsulSettings::from_env(long_wait).watch_wait, 600s);
}

TEST(ConsulSettingsTest, AgentAddressForms) {
  EXPECT_EQ(parse_agent_address("consul:8500")->host, "consul");
  EXPECT_EQ(parse_agent_address("http://127.0.0.1:8500")->port, 8500);
  EXPECT_EQ(parse_agent_address("http://127.0.0.1:8500/")->port, 8500);
  EXPECT_FALSE(parse_agent_address("127.0.0.1"));
  EXPECT_FALSE(parse_agent_address("https://127.0.0.1:8501"));
  EXPECT_FALSE(parse_agent_address("http://127.0.0.1:8500/v1"));
  EXPECT_FALSE(parse_agent_address("127.0.0.1:0"));
}

TEST(ConsulSettingsTest, AMalformedAddressIsRefusedAtStart) {
  config::EnvReader env(test::fake_env({{"CONSUL_HTTP_ADDR", "localhost"}}));
  EXPECT_THROW(ConsulSettings::from_env(env), config::ConfigError);
}

TEST(ConsulSettingsTest, BadDurationsAreReportedWithTheOthers) {
  config::EnvReader env(test::fake_env({{"CONSUL_TIMEOUT_MS", "soon"}}));
  const ConsulSettings settings = ConsulSettings::from_env(env);
  EXPECT_FALSE(env.ok());
  EXPECT_EQ(settings.request_timeout, 2000ms);
}

}  // namespace
}  // namespace shop::common::discovery
