#include "routing/json_numbers.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "proto/product.pb.h"
#include "proto/user.pb.h"

namespace shop::gateway::routing {
namespace {

TEST(JsonNumbers, FindsInt64FieldsAtAnyDepth) {
  EXPECT_TRUE(has_int64_fields(product::v1::Product::descriptor()));
  EXPECT_TRUE(has_int64_fields(product::v1::ProductPage::descriptor()));  // via items, total
  EXPECT_TRUE(has_int64_fields(user::v1::TokenClaims::descriptor()));
  EXPECT_FALSE(has_int64_fields(user::v1::User::descriptor()));
  EXPECT_FALSE(has_int64_fields(user::v1::TokenPair::descriptor()));
}

TEST(JsonNumbers, TurnsInt64StringsIntoNumbersInNestedAndRepeatedFields) {
  auto json = boost::json::parse(
      R"({"items":[{"id":"a","price_cents":"1999","stock_available":"0"}],"total":"1",)"
      R"("page":1,"facets":[{"category_id":"c","count":"3"}]})");
  int64_strings_to_numbers(product::v1::ProductPage::descriptor(), json);
  const auto& page = json.as_object();
  EXPECT_EQ(page.at("total").as_int64(), 1);
  const auto& item = page.at("items").as_array().at(0).as_object();
  EXPECT_EQ(item.at("price_cents").as_int64(), 1999);
  EXPECT_EQ(item.at("stock_available").as_int64(), 0);
  EXPECT_TRUE(item.at("id").is_string());
  EXPECT_EQ(page.at("facets").as_array().at(0).as_object().at("count").as_int64(), 3);
}

TEST(JsonNumbers, LeavesValuesBeyondExactDoublesAsStrings) {
  auto json = boost::json::parse(R"({"price_cents":"9007199254740993","currency":"EUR"})");
  int64_strings_to_numbers(product::v1::Product::descriptor(), json);
  EXPECT_TRUE(json.as_object().at("price_cents").is_string());
  auto negative = boost::json::parse(R"({"price_cents":"-9007199254740992"})");
  int64_strings_to_numbers(product::v1::Product::descriptor(), negative);
  EXPECT_EQ(negative.as_object().at("price_cents").as_int64(), -9007199254740992);
}

}  // namespace
}  // namespace shop::gateway::routing
