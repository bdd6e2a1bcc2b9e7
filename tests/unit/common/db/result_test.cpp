#include "common/db/result.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace shop::common::db {
namespace {

TEST(QueryResult, DefaultIsEmpty) {
  const QueryResult result;
  EXPECT_TRUE(result.empty());
  EXPECT_EQ(result.size(), 0U);
  EXPECT_EQ(result.affected_rows(), 0);
  EXPECT_EQ(result.command_tag(), "");
  EXPECT_EQ(result.begin(), result.end());
}

TEST(QueryResult, MisuseThrowsLogicError) {
  const QueryResult result;
  EXPECT_THROW(result[0], std::logic_error);
  EXPECT_THROW(result.column("id"), std::logic_error);
}

}  // namespace
}  // namespace shop::common::db
