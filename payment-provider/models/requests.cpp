#include "models/requests.hpp"

#include <algorithm>
#include <cctype>

#include "models/params.hpp"

namespace shop::payment::models {
namespace {

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

ApiResult<std::int64_t> positive_amount(std::int64_t amount, const std::string& param) {
  if (amount < 1 || amount > kMaxAmount) {
    return ApiError::invalid_param(param, "Invalid " + param + ": must be an integer from 1 to " +
                                              std::to_string(kMaxAmount) + " (minor units).");
  }
  return amount;
}

ApiResult<std::string> currency_code(const std::string& currency) {
  const bool letters =
      currency.size() == 3 && std::all_of(currency.begin(), currency.end(),
                                          [](unsigned char c) { return std::isalpha(c); });
  if (!letters)
    return ApiError::invalid_param("currency", "Invalid currency: must be a 3-letter ISO code.");
  return lowercase(currency);
}

ApiResult<Metadata> read_metadata(const ParamReader& params) {
  auto object = params.optional_object("metadata");
  if (!object) return object.error();
  Metadata metadata;
  if (*object == nullptr) return metadata;
  if ((*object)->size() > kMaxMetadataKeys)
    return ApiError::invalid_param("metadata", "Invalid metadata: at most 50 keys.");
  for (const auto& [key, value] : **object) {
    const auto param = "metadata." + std::string(key);
    if (key.empty() || key.size() > kMaxMetadataKeyLength)
      return ApiError::invalid_param(param, "Invalid metadata key: 1 to 40 characters.");
    if (!value.is_string() || value.as_string().size() > kMaxMetadataValueLength)
      return ApiError::invalid_param(param, "Invalid metadata value: a string of at most 500.");
    metadata.emplace(std::string(key), std::string(value.as_string()));
  }
  return metadata;
}

ApiResult<std::optional<std::string>> read_description(const ParamReader& params) {
  auto description = params.optional_string("description");
  if (description && *description && (*description)->size() > kMaxDescriptionLength)
    return ApiError::invalid_param("description", "Invalid description: at most 1000 characters.");
  return description;
}

}  // namespace

ApiResult<CardDetails> parse_payment_method_request(const boost::json::object& params) {
  const ParamReader body(params);
  if (auto known = body.only({"type", "card"}); !known) return known.error();
  auto type = body.optional_string("type");
  if (!type) return type.error();
  if (*type && **type != "card")
    return ApiError::invalid_param("type", "Invalid type: only \"card\" is supported.");
  auto card_object = body.required_object("card");
  if (!card_object) return card_object.error();
  const ParamReader card(**card_object, "card.");
  if (auto known = card.only({"number", "exp_month", "exp_year", "cvc"}); !known)
    return known.error();
  auto number = card.required_string("number");
  if (!number) return number.error();
  auto exp_month = card.required_integer("exp_month");
  if (!exp_month) return exp_month.error();
  auto exp_year = card.required_integer("exp_year");
  if (!exp_year) return exp_year.error();
  auto cvc = card.required_string("cvc");
  if (!cvc) return cvc.error();
  return CardDetails{std::move(*number), *exp_month, *exp_year, std::move(*cvc)};
}

ApiResult<ChargeRequest> parse_charge_request(const boost::json::object& params) {
  const ParamReader body(params);
  if (auto known = body.only({"amount", "currency", "payment_method", "description", "metadata"});
      !known) {
    return known.error();
  }
  auto amount = body.required_integer("amount");
  if (!amount) return amount.error();
  if (auto valid = positive_amount(*amount, "amount"); !valid) return valid.error();
  auto currency = body.required_string("currency");
  if (!currency) return currency.error();
  auto code = currency_code(*currency);
  if (!code) return code.error();
  auto payment_method = body.required_string("payment_method");
  if (!payment_method) return payment_method.error();
  auto description = read_description(body);
  if (!description) return description.error();
  auto metadata = read_metadata(body);
  if (!metadata) return metadata.error();
  return ChargeRequest{*amount, std::move(*code), std::move(*payment_method),
                       std::move(*description), std::move(*metadata)};
}

ApiResult<RefundRequest> parse_refund_request(const boost::json::object& params) {
  const ParamReader body(params);
  if (auto known = body.only({"charge", "amount"}); !known) return known.error();
  auto charge = body.required_string("charge");
  if (!charge) return charge.error();
  auto amount = body.optional_integer("amount");
  if (!amount) return amount.error();
  if (*amount) {
    if (auto valid = positive_amount(**amount, "amount"); !valid) return valid.error();
  }
  return RefundRequest{std::move(*charge), *amount};
}

}  // namespace shop::payment::models
