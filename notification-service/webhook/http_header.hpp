#pragma once
// One HTTP header as a name and a value, the unit signed_headers() hands to the poster.

#include <string>

namespace shop::notification::webhook {

struct HttpHeader {
  std::string name;
  std::string value;
  bool operator==(const HttpHeader&) const = default;
};

}  // namespace shop::notification::webhook
