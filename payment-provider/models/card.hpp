#pragma once
// Card rules: the number's digits, its Luhn check digit and brand, and whether a card
// can be used at all (a valid number, expiry and security code).

#include <cstdint>
#include <string>
#include <string_view>

#include "models/api_error.hpp"

namespace shop::payment::models {

// As the client sent it.
struct CardDetails {
  std::string number;
  std::int64_t exp_month = 0;
  std::int64_t exp_year = 0;
  std::string cvc;
};

// A usable card. The security code is checked, never kept.
struct Card {
  std::string number;  // digits only
  std::string brand;
  std::string last4;
  int exp_month = 0;
  int exp_year = 0;
};

struct YearMonth {
  int year = 0;
  int month = 0;  // 1..12
};

// The number without the spaces and dashes people group digits with.
std::string strip_separators(std::string_view number);
// Whether `digits` (digits only) ends in a correct Luhn check digit.
bool passes_luhn(std::string_view digits);
// "visa", "mastercard", "amex", "discover", "diners", "jcb", "unionpay" or "unknown".
std::string_view brand_of(std::string_view digits);

// The card, or a 402 card_error naming the first thing wrong with it. A card is good
// through the last day of its expiry month; `today` is the current UTC month.
ApiResult<Card> validate_card(const CardDetails& details, YearMonth today);

}  // namespace shop::payment::models
