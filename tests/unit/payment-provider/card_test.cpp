#include "models/card.hpp"

#include <gtest/gtest.h>

namespace shop::payment::models {
namespace {

constexpr YearMonth kToday{2026, 5};

CardDetails card(std::string number, std::int64_t month = 12, std::int64_t year = 2030,
                 std::string cvc = "123") {
  return {std::move(number), month, year, std::move(cvc)};
}

// The code and param of the error validate_card gives, or "ok".
std::string problem(const CardDetails& details, YearMonth today = kToday) {
  auto validated = validate_card(details, today);
  if (validated) return "ok";
  EXPECT_EQ(validated.error().status, 402);
  EXPECT_EQ(validated.error().type, ErrorType::kCard);
  EXPECT_FALSE(validated.error().message.empty());
  return validated.error().code + " " + validated.error().param;
}

TEST(Luhn, AcceptsNumbersWithTheRightCheckDigit) {
  for (const char* number : {"4242424242424242", "4000000000000002", "5555555555554444",
                             "378282246310005", "6011111111111117", "79927398713"}) {
    EXPECT_TRUE(passes_luhn(number)) << number;
  }
}

TEST(Luhn, RejectsEveryOtherCheckDigit) {
  for (char last = '0'; last <= '9'; ++last) {
    std::string number = "424242424242424";
    number += last;
    EXPECT_EQ(passes_luhn(number), last == '2') << number;
  }
  EXPECT_FALSE(passes_luhn("79927398710"));
}

TEST(Brand, FollowsTheIssuerRanges) {
  EXPECT_EQ(brand_of("4242424242424242"), "visa");
  EXPECT_EQ(brand_of("5555555555554444"), "mastercard");
  EXPECT_EQ(brand_of("2223003122003222"), "mastercard");
  EXPECT_EQ(brand_of("2720990000000000"), "mastercard");
  EXPECT_EQ(brand_of("2721000000000000"), "unknown");
  EXPECT_EQ(brand_of("378282246310005"), "amex");
  EXPECT_EQ(brand_of("341111111111111"), "amex");
  EXPECT_EQ(brand_of("6011111111111117"), "discover");
  EXPECT_EQ(brand_of("6500000000000000"), "discover");
  EXPECT_EQ(brand_of("6445644564456445"), "discover");
  EXPECT_EQ(brand_of("3056930009020004"), "diners");
  EXPECT_EQ(brand_of("36227206271667"), "diners");
  EXPECT_EQ(brand_of("3566002020360505"), "jcb");
  EXPECT_EQ(brand_of("6200000000000005"), "unionpay");
  EXPECT_EQ(brand_of("1234567812345670"), "unknown");
  EXPECT_EQ(brand_of(""), "unknown");
}

TEST(ValidateCard, AcceptsAGoodCardAndKeepsOnlyItsDigits) {
  auto validated = validate_card(card("4242 4242-4242 4242", 12, 2030, "123"), kToday);
  ASSERT_TRUE(validated);
  EXPECT_EQ(validated->number, "4242424242424242");
  EXPECT_EQ(validated->brand, "visa");
  EXPECT_EQ(validated->last4, "4242");
  EXPECT_EQ(validated->exp_month, 12);
  EXPECT_EQ(validated->exp_year, 2030);
}

TEST(ValidateCard, NumberMustBe12To19DigitsPassingLuhn) {
  EXPECT_EQ(problem(card("4242424242424241")), "incorrect_number card.number");
  EXPECT_EQ(problem(card("")), "incorrect_number card.number");
  EXPECT_EQ(problem(card("4242a42424242424")), "incorrect_number card.number");
  EXPECT_EQ(problem(card("4242.4242.4242.4242")), "incorrect_number card.number");
  EXPECT_EQ(problem(card("79927398713")), "incorrect_number card.number");  // 11 digits
  EXPECT_EQ(problem(card("000000000000")), "ok");                           // 12 digits
  EXPECT_EQ(problem(card("0000000000000000000")), "ok");                    // 19 digits
  EXPECT_EQ(problem(card("00000000000000000000")), "incorrect_number card.number");
}

TEST(ValidateCard, MonthMustBe1To12) {
  EXPECT_EQ(problem(card("4242424242424242", 0)), "invalid_expiry_month card.exp_month");
  EXPECT_EQ(problem(card("4242424242424242", 13)), "invalid_expiry_month card.exp_month");
  EXPECT_EQ(problem(card("4242424242424242", 1)), "ok");
  EXPECT_EQ(problem(card("4242424242424242", 12)), "ok");
}

TEST(ValidateCard, YearMustBeFourDigitsAndNotFarAhead) {
  EXPECT_EQ(problem(card("4242424242424242", 12, 30)), "invalid_expiry_year card.exp_year");
  EXPECT_EQ(problem(card("4242424242424242", 12, 2077)), "invalid_expiry_year card.exp_year");
  EXPECT_EQ(problem(card("4242424242424242", 12, 2076)), "ok");
}

TEST(ValidateCard, GoodThroughTheEndOfItsExpiryMonth) {
  EXPECT_EQ(problem(card("4242424242424242", 5, 2026)), "ok");
  EXPECT_EQ(problem(card("4242424242424242", 4, 2026)), "expired_card card.exp_year");
  EXPECT_EQ(problem(card("4242424242424242", 12, 2025)), "expired_card card.exp_year");
  EXPECT_EQ(problem(card("4242424242424242", 1, 2027), {2027, 2}), "expired_card card.exp_year");
}

TEST(ValidateCard, SecurityCodeMustBe3Or4Digits) {
  EXPECT_EQ(problem(card("4242424242424242", 12, 2030, "12")), "invalid_cvc card.cvc");
  EXPECT_EQ(problem(card("4242424242424242", 12, 2030, "12345")), "invalid_cvc card.cvc");
  EXPECT_EQ(problem(card("4242424242424242", 12, 2030, "12a")), "invalid_cvc card.cvc");
  EXPECT_EQ(problem(card("4242424242424242", 12, 2030, "")), "invalid_cvc card.cvc");
  EXPECT_EQ(problem(card("4242424242424242", 12, 2030, "1234")), "ok");
}

TEST(ValidateCard, ReportsTheNumberBeforeTheExpiryAndTheExpiryBeforeTheCode) {
  EXPECT_EQ(problem(card("1", 13, 1, "x")), "incorrect_number card.number");
  EXPECT_EQ(problem(card("4242424242424242", 13, 1, "x")), "invalid_expiry_month card.exp_month");
  EXPECT_EQ(problem(card("4242424242424242", 1, 2020, "x")), "expired_card card.exp_year");
}

}  // namespace
}  // namespace shop::payment::models
