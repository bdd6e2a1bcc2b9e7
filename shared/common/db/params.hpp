#pragma once
// Query parameters travel in libpq's text format, so every value becomes its SQL
// literal text here and SQL injection has no way in: values never touch the SQL string.

#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shop::common::db {

// nullopt is SQL NULL.
using Param = std::optional<std::string>;
using Params = std::vector<Param>;

Param param(std::string_view value);
Param param(std::string value);
// Without this overload a string literal would silently bind to param(bool).
Param param(const char* value);
Param param(bool value);
Param param(std::int64_t value);
Param param(double value);
Param param(std::nullopt_t);
// A PostgreSQL array literal ({"a","b"}), for `= ANY($1::uuid[])` and the like.
Param param(const std::vector<std::string>& values);

// Integers other than the int64 overload's own. bool and char are left out: they are
// integers to the language but not numbers to a caller.
template <class T>
concept OtherInteger = std::integral<T> && !std::same_as<T, bool> &&
                       !std::same_as<T, std::int64_t> && !std::same_as<T, char>;

template <OtherInteger T>
Param param(T value) {
  return std::to_string(value);
}

template <class T>
Param param(const std::optional<T>& value) {
  if (!value) return std::nullopt;
  return param(*value);
}

// make_params(id, name, std::nullopt) reads like the SQL's $1, $2, $3.
template <class... Args>
Params make_params(const Args&... args) {
  return Params{param(args)...};
}

}  // namespace shop::common::db
