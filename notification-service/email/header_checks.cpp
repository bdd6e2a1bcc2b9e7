// Input checks for header values; see header_checks.hpp.
#include "email/header_checks.hpp"

#include <algorithm>
#include <string>

namespace shop::notification::email {
namespace {

constexpr std::size_t kMaxAddressLength = 254;  // RFC 5321's limit for a forward path
constexpr std::string_view kAddressBreakers = "<>()[],;:\"\\";

common::Error field_error(std::string_view field, std::string message) {
  return common::Error::validation({{std::string(field), std::move(message)}});
}

bool is_address_char(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte > 0x20 && byte < 0x7F && kAddressBreakers.find(c) == std::string_view::npos;
}

}  // namespace

bool is_printable_ascii(std::string_view text) {
  return std::ranges::all_of(text, [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x20 && byte < 0x7F;
  });
}

common::Result<void> refuse_line_breaks(std::string_view value, std::string_view field) {
  if (value.find_first_of("\r\n") != std::string_view::npos) {
    return field_error(field, "must not contain line breaks");
  }
  return {};
}

common::Result<void> check_mail_address(std::string_view address, std::string_view field) {
  if (auto no_breaks = refuse_line_breaks(address, field); !no_breaks) return no_breaks;
  const auto at = address.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == address.size() ||
      address.find('@', at + 1) != std::string_view::npos) {
    return field_error(field, "must be one local part, '@' and a domain");
  }
  if (address.size() > kMaxAddressLength) {
    return field_error(field, "must be at most 254 characters");
  }
  if (!std::ranges::all_of(address, is_address_char)) {
    return field_error(field, "must be ASCII without spaces, angle brackets or separators");
  }
  return {};
}

}  // namespace shop::notification::email
