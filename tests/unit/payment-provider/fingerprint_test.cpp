#include "models/fingerprint.hpp"

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

namespace shop::payment::models {
namespace {

std::string charge_fingerprint(std::string_view body) {
  return request_fingerprint("POST", "/v1/charges", boost::json::parse(body));
}

TEST(CanonicalJson, SortsKeysAtEveryDepthAndDropsWhitespace) {
  EXPECT_EQ(canonical_json(boost::json::parse(R"( { "b" : 1, "a" : { "d" : [3, {"z":1,"y":2}],
                                                   "c" : null } } )")),
            R"({"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1})");
  EXPECT_EQ(canonical_json(boost::json::parse("{}")), "{}");
  EXPECT_EQ(canonical_json(boost::json::parse("[]")), "[]");
  EXPECT_EQ(canonical_json(boost::json::parse(R"({"k":"a\"b\u00e9"})")), R"({"k":"a\"bé"})");
}

TEST(RequestFingerprint, TheSameJsonInAnotherKeyOrderIsTheSameRequest) {
  EXPECT_EQ(charge_fingerprint(R"({"amount":100,"currency":"eur","metadata":{"a":"1","b":"2"}})"),
            charge_fingerprint(R"({"metadata":{"b":"2","a":"1"},"currency":"eur", "amount":100})"));
}

TEST(RequestFingerprint, AnyOtherValueMethodOrPathIsAnotherRequest) {
  const auto base = charge_fingerprint(R"({"amount":100,"currency":"eur"})");
  EXPECT_EQ(base.size(), 64U);
  EXPECT_NE(base, charge_fingerprint(R"({"amount":101,"currency":"eur"})"));
  EXPECT_NE(base, charge_fingerprint(R"({"amount":"100","currency":"eur"})"));
  EXPECT_NE(base, charge_fingerprint(R"({"amount":100,"currency":"eur","description":null})"));
  EXPECT_NE(base, request_fingerprint("POST", "/v1/refunds",
                                      boost::json::parse(R"({"amount":100,"currency":"eur"})")));
  EXPECT_NE(base, request_fingerprint("PUT", "/v1/charges",
                                      boost::json::parse(R"({"amount":100,"currency":"eur"})")));
  EXPECT_NE(charge_fingerprint(R"({"a":[1,2]})"), charge_fingerprint(R"({"a":[2,1]})"));
}

}  // namespace
}  // namespace shop::payment::models
