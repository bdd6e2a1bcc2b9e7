#include "models/validation.hpp"

#include <algorithm>
#include <cctype>

#include "common/field_checks.hpp"

namespace shop::user::models {
namespace {

bool valid_domain(std::string_view domain) {
  if (domain.empty() || domain.find('.') == std::string_view::npos) return false;
  if (domain.front() == '.' || domain.back() == '.' ||
      domain.find("..") != std::string_view::npos) {
    return false;
  }
  return std::all_of(domain.begin(), domain.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '.' || c >= 0x80;
  });
}

bool valid_email(std::string_view email) {
  if (email.size() > kMaxEmailLength) return false;
  const auto at = email.find('@');
  if (at == std::string_view::npos || at == 0 || at > 64) return false;
  if (email.find('@', at + 1) != std::string_view::npos) return false;
  const auto local = email.substr(0, at);
  const bool printable_local = std::all_of(local.begin(), local.end(), [](unsigned char c) {
    return c > 0x20 && c != 0x7f && c != '(' && c != ')' && c != ',' && c != ';' && c != '<' &&
           c != '>' && c != '"';
  });
  return printable_local && valid_domain(email.substr(at + 1));
}

}  // namespace

std::string normalize_email(std::string_view email) {
  std::string normalized = trim(email);
  std::transform(normalized.begin(), normalized.end(), normalized.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return normalized;
}

std::vector<common::FieldError> validate_registration(Registration& registration) {
  std::vector<common::FieldError> errors;
  registration.email = normalize_email(registration.email);
  if (!valid_email(registration.email))
    errors.push_back({"email", "must be a valid email address"});
  const auto length = registration.password.size();
  if (length < kMinPasswordLength || length > kMaxPasswordLength) {
    errors.push_back({"password", "must be between 8 and 128 characters"});
  }
  require_text(errors, "name", registration.name, kMaxNameLength);
  return errors;
}

std::vector<common::FieldError> validate_profile_change(ProfileChange& change) {
  std::vector<common::FieldError> errors;
  if (change.name) require_text(errors, "name", *change.name, kMaxNameLength);
  if (change.shipping_address) {
    common::validate_postal_address(errors, *change.shipping_address, "shipping_address.");
  }
  return errors;
}

}  // namespace shop::user::models
