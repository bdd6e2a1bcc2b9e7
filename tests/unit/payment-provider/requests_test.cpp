#include "models/requests.hpp"

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "models/params.hpp"

namespace shop::payment::models {
namespace {

boost::json::object json(std::string_view text) { return boost::json::parse(text).as_object(); }

// "<status> <code> <param>" of the error, or "ok".
template <class T>
std::string problem(const ApiResult<T>& result) {
  if (result) return "ok";
  EXPECT_EQ(result.error().type, ErrorType::kInvalidRequest);
  EXPECT_FALSE(result.error().message.empty());
  return std::to_string(result.error().status) + " " + result.error().code + " " +
         result.error().param;
}

constexpr std::string_view kCharge =
    R"({"amount":1999,"currency":"EUR","payment_method":"pm_1","description":"Order 7",)"
    R"("metadata":{"order_id":"7"}})";

std::string charge_problem(std::string_view name, std::string_view value_json) {
  auto params = json(kCharge);
  if (value_json.empty()) {
    params.erase(name);
  } else {
    params[name] = boost::json::parse(value_json);
  }
  return problem(parse_charge_request(params));
}

TEST(ParseParams, NeedsAJsonObject) {
  EXPECT_TRUE(parse_params(R"({"a":1})"));
  EXPECT_EQ(problem(parse_params("")), "400  ");
  EXPECT_EQ(problem(parse_params("{")), "400  ");
  EXPECT_EQ(problem(parse_params("[1]")), "400  ");
  EXPECT_EQ(problem(parse_params("null")), "400  ");
}

TEST(ChargeRequest, ReadsEveryField) {
  auto request = parse_charge_request(json(kCharge));
  ASSERT_TRUE(request);
  EXPECT_EQ(request->amount, 1999);
  EXPECT_EQ(request->currency, "eur");
  EXPECT_EQ(request->payment_method, "pm_1");
  EXPECT_EQ(request->description, "Order 7");
  EXPECT_EQ(request->metadata, (Metadata{{"order_id", "7"}}));
}

TEST(ChargeRequest, DescriptionAndMetadataAreOptional) {
  auto request =
      parse_charge_request(json(R"({"amount":1,"currency":"usd","payment_method":"pm_1",)"
                                R"("description":null})"));
  ASSERT_TRUE(request);
  EXPECT_FALSE(request->description);
  EXPECT_TRUE(request->metadata.empty());
}

TEST(ChargeRequest, AmountIsAPositiveIntegerOfMinorUnits) {
  EXPECT_EQ(charge_problem("amount", ""), "400 parameter_missing amount");
  EXPECT_EQ(charge_problem("amount", "null"), "400 parameter_missing amount");
  EXPECT_EQ(charge_problem("amount", "0"), "400 parameter_invalid amount");
  EXPECT_EQ(charge_problem("amount", "-5"), "400 parameter_invalid amount");
  EXPECT_EQ(charge_problem("amount", "19.99"), "400 parameter_invalid amount");
  EXPECT_EQ(charge_problem("amount", "\"1999\""), "400 parameter_invalid amount");
  EXPECT_EQ(charge_problem("amount", "100000000"), "400 parameter_invalid amount");
  EXPECT_EQ(charge_problem("amount", "18446744073709551615"), "400 parameter_invalid amount");
  EXPECT_EQ(charge_problem("amount", "99999999"), "ok");
  EXPECT_EQ(charge_problem("amount", "1"), "ok");
}

TEST(ChargeRequest, CurrencyIsThreeLetters) {
  EXPECT_EQ(charge_problem("currency", ""), "400 parameter_missing currency");
  EXPECT_EQ(charge_problem("currency", "\"\""), "400 parameter_missing currency");
  EXPECT_EQ(charge_problem("currency", "\"eu\""), "400 parameter_invalid currency");
  EXPECT_EQ(charge_problem("currency", "\"euro\""), "400 parameter_invalid currency");
  EXPECT_EQ(charge_problem("currency", "\"e1r\""), "400 parameter_invalid currency");
  EXPECT_EQ(charge_problem("currency", "978"), "400 parameter_invalid currency");
  EXPECT_EQ(charge_problem("currency", "\"UsD\""), "ok");
}

TEST(ChargeRequest, PaymentMethodIsANonEmptyString) {
  EXPECT_EQ(charge_problem("payment_method", ""), "400 parameter_missing payment_method");
  EXPECT_EQ(charge_problem("payment_method", "\"\""), "400 parameter_missing payment_method");
  EXPECT_EQ(charge_problem("payment_method", "7"), "400 parameter_invalid payment_method");
}

TEST(ChargeRequest, DescriptionIsAShortString) {
  EXPECT_EQ(charge_problem("description", "5"), "400 parameter_invalid description");
  EXPECT_EQ(charge_problem("description", '"' + std::string(1001, 'd') + '"'),
            "400 parameter_invalid description");
  EXPECT_EQ(charge_problem("description", '"' + std::string(1000, 'd') + '"'), "ok");
}

TEST(ChargeRequest, MetadataMapsShortKeysToShortStrings) {
  EXPECT_EQ(charge_problem("metadata", "[]"), "400 parameter_invalid metadata");
  EXPECT_EQ(charge_problem("metadata", R"({"order_id":7})"),
            "400 parameter_invalid metadata.order_id");
  EXPECT_EQ(charge_problem("metadata", R"({"":"x"})"), "400 parameter_invalid metadata.");
  const std::string long_key(41, 'k');
  EXPECT_EQ(charge_problem("metadata", R"({")" + long_key + R"(":"x"})"),
            "400 parameter_invalid metadata." + long_key);
  EXPECT_EQ(charge_problem("metadata", R"({"k":")" + std::string(501, 'v') + R"("})"),
            "400 parameter_invalid metadata.k");
  boost::json::object many;
  for (int i = 0; i < 51; ++i) many["k" + std::to_string(i)] = "v";
  EXPECT_EQ(charge_problem("metadata", boost::json::serialize(many)),
            "400 parameter_invalid metadata");
  many.erase("k0");
  EXPECT_EQ(charge_problem("metadata", boost::json::serialize(many)), "ok");
}

TEST(ChargeRequest, RefusesUnknownParameters) {
  EXPECT_EQ(charge_problem("amount_cents", "5"), "400 parameter_unknown amount_cents");
}

TEST(PaymentMethodRequest, ReadsTheCard) {
  auto details = parse_payment_method_request(
      json(R"({"type":"card","card":{"number":"4242 4242 4242 4242","exp_month":12,)"
           R"("exp_year":2030,"cvc":"123"}})"));
  ASSERT_TRUE(details);
  EXPECT_EQ(details->number, "4242 4242 4242 4242");
  EXPECT_EQ(details->exp_month, 12);
  EXPECT_EQ(details->exp_year, 2030);
  EXPECT_EQ(details->cvc, "123");
}

TEST(PaymentMethodRequest, NamesEachMissingOrMistypedField) {
  const auto check = [](std::string_view body) {
    return problem(parse_payment_method_request(json(body)));
  };
  EXPECT_EQ(check("{}"), "400 parameter_missing card");
  EXPECT_EQ(check(R"({"card":"4242"})"), "400 parameter_invalid card");
  EXPECT_EQ(check(R"({"type":"sepa","card":{}})"), "400 parameter_invalid type");
  EXPECT_EQ(check(R"({"card":{"exp_month":1,"exp_year":2030,"cvc":"1"}})"),
            "400 parameter_missing card.number");
  EXPECT_EQ(check(R"({"card":{"number":4242,"exp_month":1,"exp_year":2030,"cvc":"1"}})"),
            "400 parameter_invalid card.number");
  EXPECT_EQ(check(R"({"card":{"number":"4","exp_year":2030,"cvc":"1"}})"),
            "400 parameter_missing card.exp_month");
  EXPECT_EQ(check(R"({"card":{"number":"4","exp_month":"12","exp_year":2030,"cvc":"1"}})"),
            "400 parameter_invalid card.exp_month");
  EXPECT_EQ(check(R"({"card":{"number":"4","exp_month":12,"cvc":"1"}})"),
            "400 parameter_missing card.exp_year");
  EXPECT_EQ(check(R"({"card":{"number":"4","exp_month":12,"exp_year":2030}})"),
            "400 parameter_missing card.cvc");
  EXPECT_EQ(check(R"({"card":{"number":"4","exp_month":12,"exp_year":2030,"cvc":123}})"),
            "400 parameter_invalid card.cvc");
  EXPECT_EQ(check(R"({"card":{"number":"4","exp_month":1,"exp_year":1,"cvc":"1","pin":"1"}})"),
            "400 parameter_unknown card.pin");
  EXPECT_EQ(check(R"({"card":{},"customer":"c"})"), "400 parameter_unknown customer");
}

TEST(RefundRequest, ChargeRequiredAmountOptional) {
  auto whole = parse_refund_request(json(R"({"charge":"ch_1"})"));
  ASSERT_TRUE(whole);
  EXPECT_EQ(whole->charge, "ch_1");
  EXPECT_FALSE(whole->amount);
  auto part = parse_refund_request(json(R"({"charge":"ch_1","amount":250})"));
  ASSERT_TRUE(part);
  EXPECT_EQ(part->amount, 250);
  EXPECT_EQ(problem(parse_refund_request(json(R"({"amount":250})"))),
            "400 parameter_missing charge");
  EXPECT_EQ(problem(parse_refund_request(json(R"({"charge":"ch_1","amount":0})"))),
            "400 parameter_invalid amount");
  EXPECT_EQ(problem(parse_refund_request(json(R"({"charge":"ch_1","amount":2.5})"))),
            "400 parameter_invalid amount");
  EXPECT_EQ(problem(parse_refund_request(json(R"({"charge":"ch_1","reason":"x"})"))),
            "400 parameter_unknown reason");
}

}  // namespace
}  // namespace shop::payment::models
