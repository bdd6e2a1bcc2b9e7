#include "support/conninfo.hpp"

#include <cctype>
#include <cstdio>

namespace shop::testing {
namespace {

std::string quoted(const std::string& value) {
  std::string out = "'";
  for (const char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string percent_encoded(const std::string& value) {
  std::string out;
  for (const unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char escape[4];
      std::snprintf(escape, sizeof escape, "%%%02X", c);
      out += escape;
    }
  }
  return out;
}

}  // namespace

std::string with_conninfo_option(const std::string& conninfo, const std::string& key,
                                 const std::string& value) {
  const bool uri = conninfo.starts_with("postgresql://") || conninfo.starts_with("postgres://");
  if (!uri) return conninfo + " " + key + "=" + quoted(value);
  return conninfo + (conninfo.find('?') == std::string::npos ? "?" : "&") + key + "=" +
         percent_encoded(value);
}

}  // namespace shop::testing
