#pragma once
// Input rules for accounts and profiles. Each function lists every offending field,
// so a client can fix all of them at once.

#include <string>
#include <string_view>
#include <vector>

#include "common/errors.hpp"
#include "common/field_checks.hpp"
#include "common/text.hpp"
#include "models/user.hpp"

namespace shop::user::models {

inline constexpr std::size_t kMinPasswordLength = 8;
inline constexpr std::size_t kMaxPasswordLength = 128;
inline constexpr std::size_t kMaxNameLength = 100;
inline constexpr std::size_t kMaxEmailLength = 254;

std::string normalize_email(std::string_view email);
using common::is_uuid;
using common::require_text;
using common::trim;

struct Registration {
  std::string email;
  std::string password;
  std::string name;
};

// Normalizes email and name in place; returns the field errors (empty when valid).
std::vector<common::FieldError> validate_registration(Registration& registration);
std::vector<common::FieldError> validate_profile_change(ProfileChange& change);

}  // namespace shop::user::models
