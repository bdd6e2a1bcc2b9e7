#include "common/http/query.hpp"

#include <gtest/gtest.h>

namespace shop::common::http {
namespace {

TEST(QueryParam, FindsTheFirstParameterWithTheName) {
  EXPECT_EQ(query_param("/v1/charges?order_id=42", "order_id"), "42");
  EXPECT_EQ(query_param("/v1/charges?a=1&order_id=7&order_id=8", "order_id"), "7");
  EXPECT_EQ(query_param("/v1/charges?order_id=", "order_id"), "");
}

TEST(QueryParam, DecodesPercentEscapesAndPlus) {
  EXPECT_EQ(query_param("/x?q=a%20b+c%2B", "q"), "a b c+");
  EXPECT_EQ(query_param("/x?order%5Fid=1", "order_id"), "1");
}

TEST(QueryParam, AbsentWithoutSuchParameter) {
  EXPECT_EQ(query_param("/v1/charges", "order_id"), std::nullopt);
  EXPECT_EQ(query_param("/v1/charges?other=1", "order_id"), std::nullopt);
  EXPECT_EQ(query_param("/v1/charges?order_id=%zz", "order_id"), std::nullopt);
}

}  // namespace
}  // namespace shop::common::http
