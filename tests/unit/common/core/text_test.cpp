#include "common/text.hpp"

#include <gtest/gtest.h>

namespace shop::common {
namespace {

using Parts = std::vector<std::string>;

TEST(Trim, DropsSurroundingWhitespaceOnly) {
  EXPECT_EQ(trim("  a b \t\n"), "a b");
  EXPECT_EQ(trim("   "), "");
  EXPECT_EQ(trim(""), "");
}

TEST(IsUuid, CanonicalFormOnly) {
  EXPECT_TRUE(is_uuid("0b8f7a3e-6c1d-4e2f-9a0b-1c2d3e4f5a6b"));
  EXPECT_TRUE(is_uuid("0B8F7A3E-6C1D-4E2F-9A0B-1C2D3E4F5A6B"));
  EXPECT_FALSE(is_uuid("0b8f7a3e6c1d4e2f9a0b1c2d3e4f5a6b"));
  EXPECT_FALSE(is_uuid("0b8f7a3e-6c1d-4e2f-9a0b-1c2d3e4f5a6"));
  EXPECT_FALSE(is_uuid("zb8f7a3e-6c1d-4e2f-9a0b-1c2d3e4f5a6b"));
}

TEST(Split, KeepsEmptyPiecesBetweenSeparators) {
  EXPECT_EQ(split("", ','), Parts{});
  EXPECT_EQ(split("a", ','), Parts{"a"});
  EXPECT_EQ(split("a,b", ','), (Parts{"a", "b"}));
  EXPECT_EQ(split("a,,b", ','), (Parts{"a", "", "b"}));
  EXPECT_EQ(split("a,", ','), (Parts{"a"}));
}

}  // namespace
}  // namespace shop::common
