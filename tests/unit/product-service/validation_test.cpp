#include "models/validation.hpp"

#include <gtest/gtest.h>

namespace shop::product::models {
namespace {

std::vector<std::string> fields_of(const std::vector<common::FieldError>& errors) {
  std::vector<std::string> fields;
  for (const auto& error : errors) fields.push_back(error.field);
  return fields;
}

NewProduct valid_product() { return {" lap-001 ", "  Laptop ", "A fast one", 129'900, "eur", ""}; }

TEST(ProductValidation, NormalizesAValidProduct) {
  auto product = valid_product();
  EXPECT_TRUE(validate_new_product(product).empty());
  EXPECT_EQ(product.sku, "LAP-001");
  EXPECT_EQ(product.name, "Laptop");
  EXPECT_EQ(product.currency, "EUR");
}

TEST(ProductValidation, ListsEveryBadField) {
  NewProduct product{"bad sku!", "   ", "", -1, "EURO", "123"};
  EXPECT_EQ(fields_of(validate_new_product(product)),
            (std::vector<std::string>{"sku", "name", "price_cents", "currency", "category_id"}));
}

TEST(ProductValidation, PriceBounds) {
  auto product = valid_product();
  product.price_cents = 0;
  EXPECT_TRUE(validate_new_product(product).empty());
  product.price_cents = kMaxPriceCents + 1;
  EXPECT_EQ(fields_of(validate_new_product(product)), std::vector<std::string>{"price_cents"});
}

TEST(ProductValidation, CurrencyIsAnIso4217Code) {
  EXPECT_TRUE(is_currency("USD"));
  EXPECT_TRUE(is_currency("JPY"));
  EXPECT_TRUE(is_currency("CHF"));
  EXPECT_FALSE(is_currency("usd"));
  EXPECT_FALSE(is_currency("XYZ"));
  EXPECT_FALSE(is_currency("US"));
}

TEST(ProductValidation, ChangeChecksOnlyTheFieldsGiven) {
  ProductChange change;
  change.price_cents = 500;
  EXPECT_TRUE(validate_product_change(change).empty());
  change.name = "";
  change.category_id = "";  // removing the category is allowed
  EXPECT_EQ(fields_of(validate_product_change(change)), std::vector<std::string>{"name"});
}

TEST(CategoryValidation, NameRequiredParentOptional) {
  NewCategory top{" Computers ", ""};
  EXPECT_TRUE(validate_new_category(top).empty());
  EXPECT_EQ(top.name, "Computers");
  NewCategory bad{"", "nope"};
  EXPECT_EQ(fields_of(validate_new_category(bad)), (std::vector<std::string>{"name", "parent_id"}));
}

}  // namespace
}  // namespace shop::product::models
