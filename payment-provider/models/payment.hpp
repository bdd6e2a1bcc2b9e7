#pragma once
// What the provider keeps: payment methods (tokenized cards), charges and refunds.
// Plain data; amounts in minor units of a lowercase ISO 4217 currency; times in unix
// seconds.

#include <boost/json/object.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "models/card.hpp"

namespace shop::payment::models {

// Caller-defined labels on a charge; the order service puts its order id under "order_id".
using Metadata = std::map<std::string, std::string>;

boost::json::object to_json(const Metadata& metadata);
// The string members of `object`; others are left out.
Metadata metadata_from_json(const boost::json::object& object);

struct PaymentMethod {
  std::string id;  // "pm_..."
  Card card;
  std::int64_t created = 0;
};

enum class ChargeStatus { kSucceeded, kFailed };

// "succeeded", "failed"
std::string_view status_name(ChargeStatus status);
std::optional<ChargeStatus> parse_status(std::string_view name);

struct Charge {
  std::string id;  // "ch_..."
  std::int64_t amount = 0;
  std::string currency;
  ChargeStatus status = ChargeStatus::kSucceeded;
  std::string payment_method;
  std::optional<std::string> description{};
  Metadata metadata{};
  std::int64_t created = 0;
  std::int64_t amount_refunded = 0;
  // Set on failed charges only.
  std::string failure_code{};
  std::string failure_message{};
  std::string decline_code{};

  bool refunded() const { return amount_refunded == amount; }
};

struct Refund {
  std::string id;  // "re_..."
  std::string charge;
  std::int64_t amount = 0;
  std::string currency;
  std::int64_t created = 0;
};

}  // namespace shop::payment::models
