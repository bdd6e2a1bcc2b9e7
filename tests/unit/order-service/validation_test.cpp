#include "models/validation.hpp"

#include <gtest/gtest.h>

namespace shop::order::models {
namespace {

constexpr const char* kLamp = "6f1c2a4e-8b7d-4c3e-9a10-2b3c4d5e6f70";
constexpr const char* kDesk = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

OrderRequest valid_request() {
  OrderRequest request;
  request.idempotency_key = "key-1";
  request.lines = {{kLamp, 2}};
  request.address = {"Ada", "1 Main St", "", "London", "SW1", "GB"};
  request.card = {"4242 4242 4242 4242", 12, 2030, "123"};
  return request;
}

std::vector<std::string> fields(const std::vector<common::FieldError>& errors) {
  std::vector<std::string> names;
  for (const auto& error : errors) names.push_back(error.field);
  return names;
}

TEST(OrderValidationTest, AcceptsAValidRequest) {
  auto request = valid_request();
  EXPECT_TRUE(validate_order_request(request).empty());
}

TEST(OrderValidationTest, ListsEveryBadField) {
  auto request = valid_request();
  request.lines = {{"not-a-uuid", 0}};
  request.address.city = "  ";
  request.address.country = "gb";
  request.card = {"42", 13, 99, "12a"};
  EXPECT_EQ(
      fields(validate_order_request(request)),
      (std::vector<std::string>{"items[0].product_id", "items[0].quantity", "shipping_address.city",
                                "shipping_address.country", "payment.card_number",
                                "payment.exp_month", "payment.exp_year", "payment.cvc"}));
}

TEST(OrderValidationTest, MergesLinesOfTheSameProduct) {
  auto request = valid_request();
  request.lines = {{kLamp, 2}, {kDesk, 1}, {kLamp, 3}};
  ASSERT_TRUE(validate_order_request(request).empty());
  ASSERT_EQ(request.lines.size(), 2U);
  for (const auto& line : request.lines) {
    EXPECT_EQ(line.quantity, line.product_id == kLamp ? 5 : 1);
  }
}

TEST(OrderValidationTest, QuantitiesAreBounded) {
  EXPECT_TRUE(validate_quantity(1, "q").empty());
  EXPECT_TRUE(validate_quantity(kMaxQuantity, "q").empty());
  EXPECT_FALSE(validate_quantity(0, "q").empty());
  EXPECT_FALSE(validate_quantity(kMaxQuantity + 1, "q").empty());
}

TEST(IdempotencyKeyTest, RequiredAndPrintable) {
  EXPECT_TRUE(check_idempotency_key("order-2026-11-26-1"));
  for (std::string_view bad : {"", "has space", "tab\t"}) {
    const auto checked = check_idempotency_key(bad);
    ASSERT_FALSE(checked) << bad;
    EXPECT_EQ(checked.error().code, common::ErrorCode::kBadRequest);
  }
  EXPECT_FALSE(check_idempotency_key(std::string(kMaxIdempotencyKeyLength + 1, 'k')));
}

TEST(FingerprintTest, SameRequestSameFingerprint) {
  auto a = valid_request();
  auto b = valid_request();
  b.lines = {{kLamp, 2}};
  b.card.number = "4242424242424242";  // spacing is not part of the number
  EXPECT_EQ(request_fingerprint(a), request_fingerprint(b));
}

TEST(FingerprintTest, AnyMeaningfulChangeChangesIt) {
  const auto base = request_fingerprint(valid_request());
  auto quantity = valid_request();
  quantity.lines[0].quantity = 3;
  auto address = valid_request();
  address.address.postal_code = "SW2";
  auto card = valid_request();
  card.card.number = "4000 0000 0000 0002";
  for (const auto* changed : {&quantity, &address, &card}) {
    EXPECT_NE(request_fingerprint(*changed), base);
  }
}

TEST(FingerprintTest, NeverContainsTheCardNumber) {
  const auto fingerprint = request_fingerprint(valid_request());
  EXPECT_EQ(fingerprint.find("4242424242424242"), std::string::npos);
  EXPECT_EQ(fingerprint.size(), 64U);
}

}  // namespace
}  // namespace shop::order::models
