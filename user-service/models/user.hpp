#pragma once
// The user as the domain sees it: plain data, no I/O.

#include <optional>
#include <string>
#include <vector>

#include "common/field_checks.hpp"

namespace shop::user::models {

inline constexpr const char* kCustomerRole = "customer";
inline constexpr const char* kAdminRole = "admin";

// Shipping address; the same rules wherever the shop takes one.
using Address = common::PostalAddress;

struct User {
  std::string id;
  std::string email;
  std::string name;
  std::vector<std::string> roles;
  std::optional<Address> shipping_address;
  std::string created_at;  // RFC 3339 UTC
};

struct NewUser {
  std::string email;  // normalized
  std::string name;   // trimmed
  std::string password_hash;
  std::vector<std::string> roles;
};

struct ProfileChange {
  std::optional<std::string> name;
  std::optional<Address> shipping_address;
};

}  // namespace shop::user::models
