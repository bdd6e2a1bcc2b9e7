#include "common/db/params.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

namespace shop::common::db {
namespace {

TEST(Param, TextArraysAreQuotedElementByElement) {
  EXPECT_EQ(param(std::vector<std::string>{}), Param("{}"));
  EXPECT_EQ(param(std::vector<std::string>{"a", "b c"}), Param("{\"a\",\"b c\"}"));
  EXPECT_EQ(param(std::vector<std::string>{"x\"y", "back\\slash", "{,}"}),
            Param("{\"x\\\"y\",\"back\\\\slash\",\"{,}\"}"));
}

TEST(Param, TextIsPassedVerbatim) {
  EXPECT_EQ(param(std::string_view("it's; DROP TABLE users")), "it's; DROP TABLE users");
  EXPECT_EQ(param(std::string("owned")), "owned");
  EXPECT_EQ(param(std::string_view()), "");
}

TEST(Param, StringLiteralStaysTextInsteadOfBecomingBool) {
  EXPECT_EQ(param("literal"), "literal");
  const char* none = nullptr;
  EXPECT_EQ(param(none), std::nullopt);
}

TEST(Param, BooleansUsePostgresSpelling) {
  EXPECT_EQ(param(true), "true");
  EXPECT_EQ(param(false), "false");
}

TEST(Param, IntegersOfEveryWidth) {
  EXPECT_EQ(param(std::int64_t{-42}), "-42");
  EXPECT_EQ(param(std::numeric_limits<std::int64_t>::min()), "-9223372036854775808");
  EXPECT_EQ(param(std::numeric_limits<std::int64_t>::max()), "9223372036854775807");
  EXPECT_EQ(param(7), "7");
  EXPECT_EQ(param(std::uint32_t{4000000000U}), "4000000000");
  EXPECT_EQ(param(std::int16_t{-3}), "-3");
}

TEST(Param, DoublesRoundTripAndSpellNonFiniteValuesLikePostgres) {
  EXPECT_EQ(param(0.1), "0.1");
  EXPECT_EQ(param(-2.5), "-2.5");
  EXPECT_EQ(param(std::numeric_limits<double>::quiet_NaN()), "NaN");
  EXPECT_EQ(param(std::numeric_limits<double>::infinity()), "Infinity");
  EXPECT_EQ(param(-std::numeric_limits<double>::infinity()), "-Infinity");
}

TEST(Param, NulloptAndEmptyOptionalsAreSqlNull) {
  EXPECT_EQ(param(std::nullopt), std::nullopt);
  EXPECT_EQ(param(std::optional<std::int64_t>()), std::nullopt);
  EXPECT_EQ(param(std::optional<std::int64_t>(5)), "5");
  EXPECT_EQ(param(std::optional<std::string>("x")), "x");
}

TEST(MakeParams, KeepsPositionsInOrder) {
  const Params params = make_params("a", std::int64_t{1}, false, std::nullopt);
  ASSERT_EQ(params.size(), 4U);
  EXPECT_EQ(params[0], "a");
  EXPECT_EQ(params[1], "1");
  EXPECT_EQ(params[2], "false");
  EXPECT_EQ(params[3], std::nullopt);
}

}  // namespace
}  // namespace shop::common::db
