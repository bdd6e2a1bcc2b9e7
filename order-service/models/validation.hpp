#pragma once
// Input rules for carts and orders. Each function lists every offending field, so a
// client can fix all of them at once.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/errors.hpp"
#include "common/field_checks.hpp"
#include "models/order.hpp"

namespace shop::order::models {

inline constexpr std::int64_t kMaxQuantity = 1'000;
inline constexpr std::size_t kMaxOrderLines = 100;
inline constexpr std::size_t kMaxIdempotencyKeyLength = 255;

struct RequestedLine {
  std::string product_id;
  std::int64_t quantity = 0;
};

struct CardDetails {
  std::string number;
  int exp_month = 0;
  int exp_year = 0;
  std::string cvc;
};

struct OrderRequest {
  std::string idempotency_key;
  std::vector<RequestedLine> lines;  // empty: the cart
  common::PostalAddress address;
  CardDetails card;
};

// kBadRequest without a usable Idempotency-Key (API.md: the header is required).
common::Result<void> check_idempotency_key(std::string_view key);

std::vector<common::FieldError> validate_quantity(std::int64_t quantity, const std::string& field);
std::vector<common::FieldError> validate_cart_line(const RequestedLine& line);

// Trims the address in place and merges lines naming the same product. The card is
// only checked for presence here: the payment provider judges the number itself.
std::vector<common::FieldError> validate_order_request(OrderRequest& request);

// A digest of what makes two requests "the same" for an idempotency key: the lines,
// the address and the card's last four digits and expiry (never the whole number).
std::string request_fingerprint(const OrderRequest& request);

}  // namespace shop::order::models
