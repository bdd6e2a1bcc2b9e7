// The X-Consul-Index rules of blocking queries.

#include <gtest/gtest.h>

#include "common/discovery/blocking_index.hpp"

namespace shop::common::discovery {
namespace {

TEST(BlockingIndexTest, ParsesTheHeader) {
  EXPECT_EQ(parse_consul_index("42"), 42U);
  EXPECT_EQ(parse_consul_index("0"), 0U);
  EXPECT_EQ(parse_consul_index("18446744073709551615"), 18446744073709551615U);
  EXPECT_EQ(parse_consul_index(""), std::nullopt);
  EXPECT_EQ(parse_consul_index("-1"), std::nullopt);
  EXPECT_EQ(parse_consul_index("12a"), std::nullopt);
  EXPECT_EQ(parse_consul_index(" 12"), std::nullopt);
  EXPECT_EQ(parse_consul_index("18446744073709551616"), std::nullopt);
}

TEST(BlockingIndexTest, FollowsTheReturnedIndex) {
  EXPECT_EQ(next_blocking_index(0, 17), 17U);
  EXPECT_EQ(next_blocking_index(17, 17), 17U);  // the wait ran out, nothing changed
  EXPECT_EQ(next_blocking_index(17, 25), 25U);
}

TEST(BlockingIndexTest, AnIndexGoingBackwardsStartsOver) {
  EXPECT_EQ(next_blocking_index(25, 24), 0U);
  EXPECT_EQ(next_blocking_index(1000, 3), 0U);
}

TEST(BlockingIndexTest, ZeroIsNeverKept) {
  // Sending 0 again would make every query return at once.
  EXPECT_EQ(next_blocking_index(0, 0), 1U);
}

TEST(BlockingIndexTest, NoIndexReturnedStartsOver) {
  EXPECT_EQ(next_blocking_index(25, std::nullopt), 0U);
  EXPECT_EQ(next_blocking_index(0, std::nullopt), 0U);
}

}  // namespace
}  // namespace shop::common::discovery
