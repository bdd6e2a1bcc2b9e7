#pragma once
// Small input rules several services share. Each adds a FieldError naming the field,
// so one answer lists every problem of a request.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/errors.hpp"

namespace shop::common {

inline constexpr std::size_t kMaxAddressFieldLength = 200;

// Trims `value` in place; it must then be non-empty and at most max_length bytes.
void require_text(std::vector<FieldError>& errors, const std::string& field, std::string& value,
                  std::size_t max_length);

struct PostalAddress {
  std::string name;
  std::string line1;
  std::string line2;  // optional
  std::string city;
  std::string postal_code;
  std::string country;  // ISO 3166-1 alpha-2
  bool operator==(const PostalAddress&) const = default;
};

// Trims every field in place; `prefix` names the address in the request, e.g.
// "shipping_address." for errors such as "shipping_address.city".
void validate_postal_address(std::vector<FieldError>& errors, PostalAddress& address,
                             std::string_view prefix);

}  // namespace shop::common
