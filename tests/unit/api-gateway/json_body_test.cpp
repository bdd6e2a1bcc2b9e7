#include "routing/json_body.hpp"

#include <gtest/gtest.h>

#include <string>

namespace shop::gateway::routing {
namespace {

using common::ErrorCode;

TEST(JsonMediaTypeTest, JsonAndItsSuffixedTypesAreAccepted) {
  EXPECT_TRUE(check_json_media_type("application/json"));
  EXPECT_TRUE(check_json_media_type("Application/JSON; charset=utf-8"));
  EXPECT_TRUE(check_json_media_type("application/merge-patch+json"));
}

TEST(JsonMediaTypeTest, OtherOrMissingTypesAreUnsupported) {
  for (const std::string_view type :
       {"", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/jsonx", "text/json"}) {
    const auto checked = check_json_media_type(type);
    ASSERT_FALSE(checked) << type;
    EXPECT_EQ(checked.error().code, ErrorCode::kUnsupportedMediaType) << type;
  }
}

TEST(JsonObjectTest, WellFormedObjectsPass) {
  EXPECT_TRUE(check_json_object(R"({"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]})"));
  EXPECT_TRUE(check_json_object(" \n {} \n "));
}

TEST(JsonObjectTest, ANameTwiceInOneObjectIsRefused) {
  for (const std::string_view text :
       {R"({"a":1,"a":2})", R"({"x":{"b":true,"b":false}})", R"({"l":[{"k":1,"k":1}]})",
        R"({"long\u0041":1,"longA":2})"}) {
    const auto checked = check_json_object(text);
    ASSERT_FALSE(checked) << text;
    EXPECT_EQ(checked.error().code, ErrorCode::kBadRequest);
    EXPECT_NE(checked.error().detail.find("twice"), std::string::npos) << checked.error().detail;
  }
}

TEST(JsonObjectTest, MalformedOrNonObjectBodiesAreBadRequests) {
  for (const std::string_view text :
       {"", "{", R"({"a":1,})", R"({"a":1} {"b":2})", "[1,2]", "\"text\"", "42", "null",
        R"({'a':1})", R"({"a":1 /* note */})", "{\"a\":\"\xff\"}"}) {
    const auto checked = check_json_object(text);
    ASSERT_FALSE(checked) << text;
    EXPECT_EQ(checked.error().code, ErrorCode::kBadRequest) << text;
  }
}

TEST(JsonObjectTest, NestingDeeperThanTheLimitIsRefused) {
  const auto nested = [](std::size_t depth) {
    std::string text = "{\"v\":";
    for (std::size_t i = 1; i < depth; ++i) text += "[";
    text += "0";
    for (std::size_t i = 1; i < depth; ++i) text += "]";
    return text + "}";
  };
  EXPECT_TRUE(check_json_object(nested(kMaxJsonDepth)));
  EXPECT_FALSE(check_json_object(nested(kMaxJsonDepth + 1)));
}

}  // namespace
}  // namespace shop::gateway::routing
