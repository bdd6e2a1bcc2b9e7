#pragma once
// Lenient reads of JSON documents a service did not build itself (stored documents,
// event payloads, other services' answers): a field that is missing or of another type
// reads as empty, and the caller decides what empty means.

#include <boost/json/object.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace shop::common {

inline std::string text(const boost::json::object& document, std::string_view key) {
  const auto* value = document.if_contains(key);
  return value != nullptr && value->is_string() ? std::string(value->as_string()) : std::string();
}

inline std::int64_t integer(const boost::json::object& document, std::string_view key) {
  const auto* value = document.if_contains(key);
  if (value == nullptr) return 0;
  if (value->is_int64()) return value->as_int64();
  if (value->is_uint64()) return static_cast<std::int64_t>(value->as_uint64());
  return 0;
}

inline const boost::json::object& object_at(const boost::json::object& document,
                                            std::string_view key) {
  static const boost::json::object kEmpty;
  const auto* value = document.if_contains(key);
  return value != nullptr && value->is_object() ? value->as_object() : kEmpty;
}

inline const boost::json::array& array_at(const boost::json::object& document,
                                          std::string_view key) {
  static const boost::json::array kEmpty;
  const auto* value = document.if_contains(key);
  return value != nullptr && value->is_array() ? value->as_array() : kEmpty;
}

}  // namespace shop::common
