#pragma once
// The one place where a PostgreSQL error becomes a shop::common::Error. Integrity
// violations carry "<condition>:<constraint>" as their detail so repositories can tell
// which unique key was hit (duplicate email vs duplicate id) without parsing messages.

#include <string>
#include <string_view>

#include "common/errors.hpp"

namespace shop::common::db {

// What the server reported; empty views when a field was absent.
struct ServerError {
  std::string_view sqlstate;
  std::string_view message;
  std::string_view constraint;
};

Error map_server_error(const ServerError& error);

// "unique_violation:users_email_key" for condition "unique_violation".
std::string violation_detail(std::string_view condition, std::string_view constraint);

// True when `error` is a unique violation of exactly `constraint`.
bool is_unique_violation(const Error& error, std::string_view constraint);

}  // namespace shop::common::db
