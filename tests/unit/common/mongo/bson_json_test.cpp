#include "common/mongo/bson_json.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

namespace shop::common::mongo {
namespace {

namespace json = boost::json;

bson_type_t bson_type_of(const BsonDocument& document, const char* key) {
  bson_iter_t iter;
  if (!bson_iter_init_find(&iter, document.get(), key)) return BSON_TYPE_EOD;
  return bson_iter_type(&iter);
}

json::object round_trip(const json::object& document) {
  auto bson = to_bson(document);
  EXPECT_TRUE(bson) << bson.error().detail;
  if (!bson) return {};
  auto back = to_json(**bson);
  EXPECT_TRUE(back) << back.error().detail;
  if (!back) return {};
  return *back;
}

TEST(BsonJson, SixtyFourBitIntegersStayExactIntegers) {
  const json::object document{{"min", std::numeric_limits<std::int64_t>::min()},
                              {"max", std::numeric_limits<std::int64_t>::max()},
                              {"beyond_double", (std::int64_t{1} << 53) + 1},
                              {"negative", std::int64_t{-5'000'000'000}}};
  auto bson = to_bson(document);
  ASSERT_TRUE(bson) << bson.error().detail;
  EXPECT_EQ(bson_type_of(*bson, "max"), BSON_TYPE_INT64);
  EXPECT_EQ(bson_type_of(*bson, "beyond_double"), BSON_TYPE_INT64);

  const json::object back = round_trip(document);
  EXPECT_EQ(back, document);
  for (const auto& [key, value] : back) EXPECT_TRUE(value.is_int64()) << key;
}

TEST(BsonJson, SmallIntegersAreStoredAsInt32AndReadBackAsIntegers) {
  const json::object document{{"seq", 7}, {"unsigned", std::uint64_t{42}}, {"zero", 0}};
  auto bson = to_bson(document);
  ASSERT_TRUE(bson) << bson.error().detail;
  EXPECT_EQ(bson_type_of(*bson, "seq"), BSON_TYPE_INT32);
  EXPECT_EQ(bson_type_of(*bson, "unsigned"), BSON_TYPE_INT32);

  const json::object back = round_trip(document);
  EXPECT_EQ(back.at("seq"), json::value(std::int64_t{7}));
  EXPECT_EQ(back.at("unsigned"), json::value(std::int64_t{42}));
  EXPECT_TRUE(back.at("zero").is_int64());
}

TEST(BsonJson, IntegersAboveInt64AreRefused) {
  const json::object document{{"too_big", std::uint64_t{9'223'372'036'854'775'808ULL}}};
  auto bson = to_bson(document);
  ASSERT_FALSE(bson);
  EXPECT_EQ(bson.error().code, ErrorCode::kBadRequest);
}

TEST(BsonJson, DoublesStayDoublesBitForBit) {
  const json::object document{{"tenth", 0.1},
                              {"whole", 1.0},
                              {"negative_zero", -0.0},
                              {"huge", 1.5e300},
                              {"max", std::numeric_limits<double>::max()},
                              {"tiny", std::numeric_limits<double>::denorm_min()},
                              {"third", 1.0 / 3.0}};
  auto bson = to_bson(document);
  ASSERT_TRUE(bson) << bson.error().detail;
  EXPECT_EQ(bson_type_of(*bson, "whole"), BSON_TYPE_DOUBLE);

  const json::object back = round_trip(document);
  ASSERT_EQ(back.size(), document.size());
  for (const auto& [key, value] : document) {
    ASSERT_TRUE(back.at(key).is_double()) << key;
    const double expected = value.as_double();
    const double actual = back.at(key).as_double();
    EXPECT_EQ(std::bit_cast<std::uint64_t>(expected), std::bit_cast<std::uint64_t>(actual))
        << key << ": " << expected << " came back as " << actual;
  }
}

TEST(BsonJson, NonFiniteDoublesUseTheirWrapper) {
  BsonDocument bson(bson_new());
  BSON_APPEND_DOUBLE(bson.get(), "nan", std::numeric_limits<double>::quiet_NaN());
  BSON_APPEND_DOUBLE(bson.get(), "inf", std::numeric_limits<double>::infinity());
  auto json = to_json(*bson);
  ASSERT_TRUE(json) << json.error().detail;
  EXPECT_EQ(json->at("nan"), json::parse(R"({"$numberDouble":"NaN"})"));
  EXPECT_EQ(json->at("inf"), json::parse(R"({"$numberDouble":"Infinity"})"));

  auto again = to_bson(*json);
  ASSERT_TRUE(again) << again.error().detail;
  bson_iter_t iter;
  ASSERT_TRUE(bson_iter_init_find(&iter, again->get(), "nan"));
  EXPECT_TRUE(std::isnan(bson_iter_double(&iter)));
}

TEST(BsonJson, StringsNestingAndKeyOrderSurvive) {
  const json::object document = json::parse(R"({
    "z": "last letter first",
    "text": "quote \" backslash \\ tab \t nul \u0000 euro \u20ac",
    "nested": {"b": [1, 2.5, "three", null, true, {"deep": []}], "a": {}},
    "$set": {"status": "paid"}
  })")
                                    .as_object();
  const json::object back = round_trip(document);
  EXPECT_EQ(back, document);
  std::string keys;
  for (const auto& [key, value] : back) keys += std::string(key) + ",";
  EXPECT_EQ(keys, "z,text,nested,$set,");
}

TEST(BsonJson, TypeWrappersBecomeTheirBsonTypesAndComeBackTheSame) {
  const json::object document = json::parse(R"({
    "_id": {"$oid": "0123456789abcdef01234567"},
    "at": {"$date": "2024-05-01T12:00:00.123Z"},
    "long": {"$numberLong": "12"},
    "price": {"$numberDecimal": "19.99"}
  })")
                                    .as_object();
  auto bson = to_bson(document);
  ASSERT_TRUE(bson) << bson.error().detail;
  EXPECT_EQ(bson_type_of(*bson, "_id"), BSON_TYPE_OID);
  EXPECT_EQ(bson_type_of(*bson, "at"), BSON_TYPE_DATE_TIME);
  EXPECT_EQ(bson_type_of(*bson, "long"), BSON_TYPE_INT64);
  EXPECT_EQ(bson_type_of(*bson, "price"), BSON_TYPE_DECIMAL128);

  const json::object back = round_trip(document);
  EXPECT_EQ(back.at("_id"), document.at("_id"));
  EXPECT_EQ(back.at("at"), document.at("at"));
  EXPECT_EQ(back.at("long"), json::value(std::int64_t{12}));  // relaxed: a plain integer
  EXPECT_EQ(back.at("price"), document.at("price"));
}

TEST(BsonJson, MalformedWrappersAndKeysAreBadRequests) {
  for (const char* text : {R"({"_id": {"$oid": "not hex"}})", R"({"a\u0000b": 1})"}) {
    auto bson = to_bson(json::parse(text).as_object());
    ASSERT_FALSE(bson) << text;
    EXPECT_EQ(bson.error().code, ErrorCode::kBadRequest) << text;
  }
}

TEST(BsonJson, BsonThatIsNotUtf8IsAnInternalError) {
  BsonDocument bson(bson_new());
  const char invalid[] = {'o', 'k', static_cast<char>(0xC3), '(', '\0'};
  bson_append_utf8(bson.get(), "name", -1, invalid, 4);
  auto json = to_json(*bson);
  ASSERT_FALSE(json);
  EXPECT_EQ(json.error().code, ErrorCode::kInternal);
}

TEST(BsonJson, EmptyDocument) { EXPECT_EQ(round_trip(json::object{}), json::object{}); }

}  // namespace
}  // namespace shop::common::mongo
