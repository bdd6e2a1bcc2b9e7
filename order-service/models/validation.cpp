#include "models/validation.hpp"

#include <algorithm>
#include <map>

#include "common/auth/sha256.hpp"
#include "common/text.hpp"

namespace shop::order::models {
namespace {

void check_line(std::vector<common::FieldError>& errors, const RequestedLine& line,
                const std::string& at) {
  if (!common::is_uuid(line.product_id))
    errors.push_back({at + "product_id", "must be a product id"});
  auto quantity = validate_quantity(line.quantity, at + "quantity");
  errors.insert(errors.end(), quantity.begin(), quantity.end());
}

std::string digits_of(std::string_view number) {
  std::string digits;
  for (const char c : number) {
    if (c >= '0' && c <= '9') digits += c;
  }
  return digits;
}

}  // namespace

common::Result<void> check_idempotency_key(std::string_view key) {
  const bool printable =
      std::all_of(key.begin(), key.end(), [](unsigned char c) { return c > 0x20 && c < 0x7f; });
  if (key.empty() || key.size() > kMaxIdempotencyKeyLength || !printable) {
    return common::Error::bad_request(
        "the Idempotency-Key header is required: 1 to 255 printable characters");
  }
  return {};
}

std::vector<common::FieldError> validate_quantity(std::int64_t quantity, const std::string& field) {
  if (quantity >= 1 && quantity <= kMaxQuantity) return {};
  return {{field, "must be between 1 and " + std::to_string(kMaxQuantity)}};
}

std::vector<common::FieldError> validate_cart_line(const RequestedLine& line) {
  std::vector<common::FieldError> errors;
  check_line(errors, line, "");
  return errors;
}

std::vector<common::FieldError> validate_order_request(OrderRequest& request) {
  std::vector<common::FieldError> errors;
  if (request.lines.size() > kMaxOrderLines) {
    errors.push_back({"items", "at most " + std::to_string(kMaxOrderLines) + " lines"});
  }
  std::map<std::string, std::int64_t> merged;
  for (std::size_t i = 0; i < request.lines.size(); ++i) {
    const auto& line = request.lines[i];
    check_line(errors, line, "items[" + std::to_string(i) + "].");
    merged[line.product_id] += line.quantity;
  }
  if (errors.empty() && merged.size() != request.lines.size()) {
    request.lines.clear();
    for (const auto& [product_id, quantity] : merged)
      request.lines.push_back({product_id, quantity});
  }
  common::validate_postal_address(errors, request.address, "shipping_address.");
  if (digits_of(request.card.number).size() < 12) {
    errors.push_back({"payment.card_number", "must be a card number"});
  }
  if (request.card.exp_month < 1 || request.card.exp_month > 12) {
    errors.push_back({"payment.exp_month", "must be between 1 and 12"});
  }
  if (request.card.exp_year < 2000 || request.card.exp_year > 2100) {
    errors.push_back({"payment.exp_year", "must be a four-digit year"});
  }
  const auto cvc = digits_of(request.card.cvc);
  if (cvc.size() < 3 || cvc.size() > 4 || cvc.size() != request.card.cvc.size()) {
    errors.push_back({"payment.cvc", "must be 3 or 4 digits"});
  }
  return errors;
}

std::string request_fingerprint(const OrderRequest& request) {
  std::string canonical;
  auto lines = request.lines;
  std::sort(lines.begin(), lines.end(),
            [](const auto& a, const auto& b) { return a.product_id < b.product_id; });
  for (const auto& line : lines) {
    canonical += line.product_id + '*' + std::to_string(line.quantity) + ';';
  }
  const auto& a = request.address;
  for (const auto* field : {&a.name, &a.line1, &a.line2, &a.city, &a.postal_code, &a.country}) {
    canonical += *field + '\x1f';
  }
  const auto digits = digits_of(request.card.number);
  canonical += digits.substr(digits.size() >= 4 ? digits.size() - 4 : 0) + '/' +
               std::to_string(request.card.exp_month) + '/' + std::to_string(request.card.exp_year);
  return common::auth::sha256_hex(canonical);
}

}  // namespace shop::order::models
