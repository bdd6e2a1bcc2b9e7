#include "common/field_checks.hpp"

#include <cctype>

#include "common/text.hpp"

namespace shop::common {

void require_text(std::vector<FieldError>& errors, const std::string& field, std::string& value,
                  std::size_t max_length) {
  value = trim(value);
  if (value.empty()) {
    errors.push_back({field, "must not be empty"});
  } else if (value.size() > max_length) {
    errors.push_back({field, "must be at most " + std::to_string(max_length) + " characters"});
  }
}

void validate_postal_address(std::vector<FieldError>& errors, PostalAddress& address,
                             std::string_view prefix) {
  const std::string at(prefix);
  require_text(errors, at + "name", address.name, kMaxAddressFieldLength);
  require_text(errors, at + "line1", address.line1, kMaxAddressFieldLength);
  require_text(errors, at + "city", address.city, kMaxAddressFieldLength);
  require_text(errors, at + "postal_code", address.postal_code, kMaxAddressFieldLength);
  address.line2 = trim(address.line2);
  if (address.line2.size() > kMaxAddressFieldLength) {
    errors.push_back({at + "line2",
                      "must be at most " + std::to_string(kMaxAddressFieldLength) + " characters"});
  }
  const auto& country = address.country;
  const bool alpha2 = country.size() == 2 && std::isupper(static_cast<unsigned char>(country[0])) &&
                      std::isupper(static_cast<unsigned char>(country[1]));
  if (!alpha2) errors.push_back({at + "country", "must be an ISO 3166-1 alpha-2 code such as DE"});
}

}  // namespace shop::common
