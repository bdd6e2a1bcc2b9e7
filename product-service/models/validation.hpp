#pragma once
// Input rules for catalog writes. Each function normalizes in place (trimmed text,
// upper-case currency and SKU) and lists every offending field at once.

#include <vector>

#include "common/errors.hpp"
#include "models/product.hpp"

namespace shop::product::models {

inline constexpr std::size_t kMaxNameLength = 200;
inline constexpr std::size_t kMaxSkuLength = 64;
inline constexpr std::size_t kMaxDescriptionLength = 10'000;
inline constexpr std::int64_t kMaxPriceCents = 100'000'000'000;  // a billion in major units

// ISO 4217 active alphabetic codes.
bool is_currency(std::string_view code);

std::vector<common::FieldError> validate_new_product(NewProduct& product);
std::vector<common::FieldError> validate_product_change(ProductChange& change);
std::vector<common::FieldError> validate_new_category(NewCategory& category);

}  // namespace shop::product::models
