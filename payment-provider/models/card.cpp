#include "models/card.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>

namespace shop::payment::models {
namespace {

constexpr std::size_t kMinDigits = 12;
constexpr std::size_t kMaxDigits = 19;
constexpr int kMaxYearsAhead = 50;

struct BrandRange {
  std::string_view brand;
  int low;  // inclusive, over the number's first `length` digits
  int high;
  std::size_t length;
};

// Issuer identification number ranges, the longest prefixes first where they overlap.
constexpr std::array kBrandRanges{
    BrandRange{"discover", 6011, 6011, 4}, BrandRange{"mastercard", 2221, 2720, 4},
    BrandRange{"jcb", 3528, 3589, 4},      BrandRange{"diners", 300, 305, 3},
    BrandRange{"discover", 644, 649, 3},   BrandRange{"amex", 34, 34, 2},
    BrandRange{"amex", 37, 37, 2},         BrandRange{"diners", 36, 36, 2},
    BrandRange{"diners", 38, 39, 2},       BrandRange{"mastercard", 51, 55, 2},
    BrandRange{"unionpay", 62, 62, 2},     BrandRange{"discover", 65, 65, 2},
    BrandRange{"visa", 4, 4, 1},
};

bool all_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

int leading_number(std::string_view digits, std::size_t length) {
  int value = 0;
  for (std::size_t i = 0; i < length; ++i) value = value * 10 + (digits[i] - '0');
  return value;
}

bool valid_number(std::string_view digits) {
  return all_digits(digits) && digits.size() >= kMinDigits && digits.size() <= kMaxDigits &&
         passes_luhn(digits);
}

bool valid_cvc(std::string_view cvc) {
  return all_digits(cvc) && (cvc.size() == 3 || cvc.size() == 4);
}

bool before(YearMonth a, YearMonth b) {
  return a.year < b.year || (a.year == b.year && a.month < b.month);
}

}  // namespace

std::string strip_separators(std::string_view number) {
  std::string digits;
  std::copy_if(number.begin(), number.end(), std::back_inserter(digits),
               [](char c) { return c != ' ' && c != '-'; });
  return digits;
}

bool passes_luhn(std::string_view digits) {
  int sum = 0;
  bool doubled = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int digit = *it - '0';
    if (doubled) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
    doubled = !doubled;
  }
  return sum % 10 == 0;
}

std::string_view brand_of(std::string_view digits) {
  for (const auto& range : kBrandRanges) {
    if (digits.size() < range.length || !all_digits(digits.substr(0, range.length))) continue;
    const int prefix = leading_number(digits, range.length);
    if (prefix >= range.low && prefix <= range.high) return range.brand;
  }
  return "unknown";
}

ApiResult<Card> validate_card(const CardDetails& details, YearMonth today) {
  auto number = strip_separators(details.number);
  if (!valid_number(number))
    return ApiError::card("incorrect_number", "card.number", "Your card number is incorrect.");
  if (details.exp_month < 1 || details.exp_month > 12) {
    return ApiError::card("invalid_expiry_month", "card.exp_month",
                          "Your card's expiration month is invalid.");
  }
  if (details.exp_year < 1000 || details.exp_year > today.year + kMaxYearsAhead) {
    return ApiError::card("invalid_expiry_year", "card.exp_year",
                          "Your card's expiration year is invalid.");
  }
  const YearMonth expiry{static_cast<int>(details.exp_year), static_cast<int>(details.exp_month)};
  if (before(expiry, today))
    return ApiError::card("expired_card", "card.exp_year", "Your card has expired.");
  if (!valid_cvc(details.cvc))
    return ApiError::card("invalid_cvc", "card.cvc", "Your card's security code is invalid.");
  auto brand = std::string(brand_of(number));
  auto last4 = number.substr(number.size() - 4);
  return Card{std::move(number), std::move(brand), std::move(last4), expiry.month, expiry.year};
}

}  // namespace shop::payment::models
