#include "common/db/params.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace shop::common::db {

Param param(std::string_view value) { return std::string(value); }

Param param(std::string value) { return value; }

Param param(const char* value) {
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

Param param(bool value) { return value ? "true" : "false"; }

Param param(std::int64_t value) { return std::to_string(value); }

Param param(double value) {
  // PostgreSQL spells the non-finite values this way; to_chars would write "inf".
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  std::array<char, 32> buffer{};
  const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  (void)ec;  // 32 characters always hold the shortest round-trip form of a double
  return std::string(buffer.data(), end);
}

Param param(std::nullopt_t) { return std::nullopt; }

Param param(const std::vector<std::string>& values) {
  std::string literal = "{";
  for (const auto& value : values) {
    if (literal.size() > 1) literal += ',';
    literal += '"';
    for (const char c : value) {
      if (c == '"' || c == '\\') literal += '\\';
      literal += c;
    }
    literal += '"';
  }
  return literal + "}";
}

}  // namespace shop::common::db
