#pragma once
// What each POST accepts: its parameters read and checked, every rule that needs no
// stored data applied. The first problem found is the answer, as with Stripe.

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "models/api_error.hpp"
#include "models/card.hpp"
#include "models/payment.hpp"

namespace shop::payment::models {

inline constexpr std::int64_t kMaxAmount = 99'999'999;
inline constexpr std::size_t kMaxDescriptionLength = 1000;
inline constexpr std::size_t kMaxMetadataKeys = 50;
inline constexpr std::size_t kMaxMetadataKeyLength = 40;
inline constexpr std::size_t kMaxMetadataValueLength = 500;

struct ChargeRequest {
  std::int64_t amount = 0;
  std::string currency;  // lowercase
  std::string payment_method;
  std::optional<std::string> description;
  Metadata metadata;
};

struct RefundRequest {
  std::string charge;
  std::optional<std::int64_t> amount;  // what is left when absent
};

// {"type"?: "card", "card": {number, exp_month, exp_year, cvc}}. The card's own rules
// (number, expiry, security code) are validate_card's.
ApiResult<CardDetails> parse_payment_method_request(const boost::json::object& params);
ApiResult<ChargeRequest> parse_charge_request(const boost::json::object& params);
ApiResult<RefundRequest> parse_refund_request(const boost::json::object& params);

}  // namespace shop::payment::models
