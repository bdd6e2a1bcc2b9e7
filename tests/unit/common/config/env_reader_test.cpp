#include "common/config/env_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <string>
#include "support/fake_env.hpp"

namespace shop::common::config {
namespace {

using std::chrono::milliseconds;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(EnvReaderTest, UnsetVariablesGiveDefaults) {
  EnvReader env(test::fake_env({}));
  EXPECT_EQ(env.string("DB_URL", "postgres://localhost"), "postgres://localhost");
  EXPECT_EQ(env.port("PORT", 8080), 8080);
  EXPECT_EQ(env.integer("POOL", 4, 1, 64), 4);
  EXPECT_EQ(env.number("RATIO", 0.2, 0, 1), 0.2);
  EXPECT_EQ(env.millis("TIMEOUT", milliseconds(1500)), milliseconds(1500));
  EXPECT_TRUE(env.flag("ENABLED", true));
  EXPECT_EQ(env.one_of("LEVEL", "info", {"debug", "info"}), "info");
  EXPECT_THAT(env.list("PEERS", {"a"}), ElementsAre("a"));
  EXPECT_TRUE(env.ok());
  EXPECT_NO_THROW(env.throw_if_errors());
}

TEST(EnvReaderTest, EmptyValuesCountAsUnset) {
  EnvReader env(test::fake_env({{"PORT", ""}, {"NAME", ""}, {"POOL", "   "}}));
  EXPECT_EQ(env.port("PORT", 8080), 8080);
  EXPECT_EQ(env.string("NAME", "shop"), "shop");
  EXPECT_EQ(env.integer("POOL", 4, 1, 64), 4);
  EXPECT_TRUE(env.ok());
}

TEST(EnvReaderTest, ParsesValidValues) {
  EnvReader env(test::fake_env({{"DB_URL", " keep spaces "},
                                {"PORT", "3001"},
                                {"POOL", " 16\n"},
                                {"NEGATIVE", "-3"},
                                {"RATIO", "0.25"},
                                {"ENABLED", "Yes"},
                                {"DISABLED", "off"},
                                {"LEVEL", "debug"},
                                {"PEERS", " a:1 , b:2,,c:3 "}}));
  EXPECT_EQ(env.string("DB_URL", ""), " keep spaces ");
  EXPECT_EQ(env.port("PORT", 1), 3001);
  EXPECT_EQ(env.integer("POOL", 1, 1, 64), 16);
  EXPECT_EQ(env.integer("NEGATIVE", 0, -10, 10), -3);
  EXPECT_DOUBLE_EQ(env.number("RATIO", 0, 0, 1), 0.25);
  EXPECT_TRUE(env.flag("ENABLED", false));
  EXPECT_FALSE(env.flag("DISABLED", true));
  EXPECT_EQ(env.one_of("LEVEL", "info", {"debug", "info", "warn", "error"}), "debug");
  EXPECT_THAT(env.list("PEERS", {}), ElementsAre("a:1", "b:2", "c:3"));
  EXPECT_TRUE(env.ok()) << env.errors().front();
}

TEST(EnvReaderTest, DurationsTakeUnits) {
  EnvReader env(test::fake_env(
      {{"A", "250"}, {"B", "250ms"}, {"C", "5s"}, {"D", "2m"}, {"E", "1h"}, {"F", "0s"}}));
  EXPECT_EQ(env.millis("A", {}), milliseconds(250));
  EXPECT_EQ(env.millis("B", {}), milliseconds(250));
  EXPECT_EQ(env.millis("C", {}), milliseconds(5000));
  EXPECT_EQ(env.millis("D", {}), milliseconds(120'000));
  EXPECT_EQ(env.millis("E", {}), milliseconds(3'600'000));
  EXPECT_EQ(env.millis("F", milliseconds(9)), milliseconds(0));
  EXPECT_TRUE(env.ok());
}

TEST(EnvReaderTest, PortErrorMessageNamesVariableRangeAndValue) {
  EnvReader env(test::fake_env({{"GATEWAY_PORT", "abc"}}));
  EXPECT_EQ(env.port("GATEWAY_PORT", 8080), 8080);
  EXPECT_THAT(env.errors(),
              ElementsAre("GATEWAY_PORT: expected an integer in [1, 65535], got 'abc'"));
}

TEST(EnvReaderTest, RejectsOutOfRangeAndMalformedNumbers) {
  EnvReader env(test::fake_env({{"P0", "0"},
                                {"P1", "65536"},
                                {"P2", "80x"},
                                {"P3", "1e3"},
                                {"I", "99999999999999999999"},
                                {"N1", "1.5"},
                                {"N2", "nan"},
                                {"N3", "0.5.1"}}));
  env.port("P0", 1);
  env.port("P1", 1);
  env.port("P2", 1);
  env.port("P3", 1);
  env.integer("I", 0, 0, 100);
  env.number("N1", 0, 0, 1);
  env.number("N2", 0, 0, 1);
  env.number("N3", 0, 0, 1);
  EXPECT_EQ(env.errors().size(), 8u);
  EXPECT_EQ(env.errors()[5], "N1: expected a number in [0, 1], got '1.5'");
}

TEST(EnvReaderTest, RejectsBadDurationsFlagsAndChoices) {
  EnvReader env(test::fake_env({{"T1", "5 s"},
                                {"T2", "-5s"},
                                {"T3", "5d"},
                                {"T4", "ms"},
                                {"T5", "9999999999999999h"},
                                {"F", "maybe"},
                                {"L", "verbose"}}));
  for (const char* name : {"T1", "T2", "T3", "T4", "T5"}) {
    EXPECT_EQ(env.millis(name, milliseconds(7)), milliseconds(7)) << name;
  }
  EXPECT_TRUE(env.flag("F", true));
  EXPECT_EQ(env.one_of("L", "info", {"debug", "info"}), "info");
  const auto errors = env.errors();
  ASSERT_EQ(errors.size(), 7u);
  EXPECT_EQ(errors[0], "T1: expected a duration such as 250ms, 5s, 2m or 1h, got '5 s'");
  EXPECT_EQ(errors[5], "F: expected true or false, got 'maybe'");
  EXPECT_EQ(errors[6], "L: expected one of debug, info, got 'verbose'");
}

TEST(EnvReaderTest, RequiredStringMustBeSet) {
  EnvReader env(test::fake_env({{"SET", "x"}}));
  EXPECT_EQ(env.required_string("SET"), "x");
  EXPECT_EQ(env.required_string("JWT_PRIVATE_KEY"), "");
  EXPECT_THAT(env.errors(), ElementsAre("JWT_PRIVATE_KEY: required but not set"));
}

TEST(EnvReaderTest, LongValuesAreShortenedInMessages) {
  EnvReader env(test::fake_env({{"PORT", std::string(200, '9')}}));
  env.port("PORT", 1);
  ASSERT_EQ(env.errors().size(), 1u);
  EXPECT_THAT(env.errors()[0], HasSubstr(std::string(64, '9') + "...'"));
  EXPECT_LT(env.errors()[0].size(), 150u);
}

TEST(EnvReaderTest, CollectsEveryProblemIntoOneException) {
  EnvReader env(test::fake_env({{"GATEWAY_PORT", "abc"}, {"POOL", "0"}, {"DEBUG", "sure"}}));
  env.port("GATEWAY_PORT", 8080);
  env.integer("POOL", 4, 1, 64);
  env.flag("DEBUG", false);
  env.string("FINE", "ok");
  EXPECT_FALSE(env.ok());
  try {
    env.throw_if_errors();
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& error) {
    EXPECT_EQ(error.problems().size(), 3u);
    EXPECT_STREQ(error.what(),
                 "invalid configuration:\n"
                 "  GATEWAY_PORT: expected an integer in [1, 65535], got 'abc'\n"
                 "  POOL: expected an integer in [1, 64], got '0'\n"
                 "  DEBUG: expected true or false, got 'sure'");
  }
}

TEST(EnvReaderTest, ProcessEnvReadsTheRealEnvironment) {
  // PATH is set for any process the test runner starts; nothing is modified.
  EXPECT_TRUE(process_env("PATH").has_value());
  EXPECT_FALSE(process_env("SHOP_SURELY_UNSET_VARIABLE_FOR_TEST").has_value());
}

}  // namespace
}  // namespace shop::common::config
