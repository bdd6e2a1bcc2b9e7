#include "models/validation.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "common/text.hpp"

namespace shop::product::models {
namespace {

// ISO 4217 list one, active codes, sorted for binary search.
constexpr std::array<std::string_view, 155> kCurrencies = {
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD",
    "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD",
    "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ",
    "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD",
    "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR",
    "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR",
    "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN",
    "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR",
    "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB",
    "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS",
    "VES", "VND", "VUV", "WST", "XAF", "XCD", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWL"};

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

void check_name(std::vector<common::FieldError>& errors, std::string& name) {
  name = common::trim(name);
  if (name.empty()) {
    errors.push_back({"name", "must not be empty"});
  } else if (name.size() > kMaxNameLength) {
    errors.push_back({"name", "must be at most 200 characters"});
  }
}

void check_sku(std::vector<common::FieldError>& errors, std::string& sku) {
  sku = upper(common::trim(sku));
  const bool allowed = std::all_of(sku.begin(), sku.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '_' || c == '.';
  });
  if (sku.empty() || sku.size() > kMaxSkuLength || !allowed)
    errors.push_back({"sku", "must be 1 to 64 letters, digits, '-', '_' or '.'"});
}

void check_description(std::vector<common::FieldError>& errors, std::string& description) {
  description = common::trim(description);
  if (description.size() > kMaxDescriptionLength)
    errors.push_back({"description", "must be at most 10000 characters"});
}

void check_price(std::vector<common::FieldError>& errors, std::int64_t price_cents) {
  if (price_cents < 0) {
    errors.push_back({"price_cents", "must not be negative"});
  } else if (price_cents > kMaxPriceCents) {
    errors.push_back({"price_cents", "is beyond the largest price accepted"});
  }
}

void check_currency(std::vector<common::FieldError>& errors, std::string& currency) {
  currency = upper(common::trim(currency));
  if (!is_currency(currency)) errors.push_back({"currency", "must be an ISO 4217 code"});
}

void check_optional_id(std::vector<common::FieldError>& errors, const char* field,
                       std::string& id) {
  id = common::trim(id);
  if (!id.empty() && !common::is_uuid(id)) errors.push_back({field, "not a UUID"});
}

}  // namespace

bool is_currency(std::string_view code) {
  return std::binary_search(kCurrencies.begin(), kCurrencies.end(), code);
}

std::vector<common::FieldError> validate_new_product(NewProduct& product) {
  std::vector<common::FieldError> errors;
  check_sku(errors, product.sku);
  check_name(errors, product.name);
  check_description(errors, product.description);
  check_price(errors, product.price_cents);
  check_currency(errors, product.currency);
  check_optional_id(errors, "category_id", product.category_id);
  return errors;
}

std::vector<common::FieldError> validate_product_change(ProductChange& change) {
  std::vector<common::FieldError> errors;
  if (change.sku) check_sku(errors, *change.sku);
  if (change.name) check_name(errors, *change.name);
  if (change.description) check_description(errors, *change.description);
  if (change.price_cents) check_price(errors, *change.price_cents);
  if (change.currency) check_currency(errors, *change.currency);
  if (change.category_id) check_optional_id(errors, "category_id", *change.category_id);
  return errors;
}

std::vector<common::FieldError> validate_new_category(NewCategory& category) {
  std::vector<common::FieldError> errors;
  check_name(errors, category.name);
  check_optional_id(errors, "parent_id", category.parent_id);
  return errors;
}

}  // namespace shop::product::models
