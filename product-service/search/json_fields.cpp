#include "search/json_fields.hpp"

#include <boost/json/parse.hpp>

namespace shop::product::search::json_fields {
namespace {

using common::Error;

Error missing(std::string_view key, std::string_view expected) {
  return Error::internal("search server answer: field \"" + std::string(key) + "\" is not " +
                         std::string(expected));
}

}  // namespace

common::Result<const boost::json::object*> object(const boost::json::object& parent,
                                                  std::string_view key) {
  const auto* value = parent.if_contains(key);
  if (value == nullptr || !value->is_object()) return missing(key, "an object");
  return &value->get_object();
}

common::Result<const boost::json::array*> array(const boost::json::object& parent,
                                                std::string_view key) {
  const auto* value = parent.if_contains(key);
  if (value == nullptr || !value->is_array()) return missing(key, "an array");
  return &value->get_array();
}

common::Result<std::string> string(const boost::json::object& parent, std::string_view key) {
  const auto* value = parent.if_contains(key);
  if (value == nullptr || !value->is_string()) return missing(key, "a string");
  return std::string(value->get_string());
}

common::Result<std::int64_t> integer(const boost::json::object& parent, std::string_view key) {
  const auto* value = parent.if_contains(key);
  if (value != nullptr && value->is_int64()) return value->get_int64();
  if (value != nullptr && value->is_uint64() &&
      value->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(value->get_uint64());
  }
  return missing(key, "an integer");
}

common::Result<bool> boolean(const boost::json::object& parent, std::string_view key) {
  const auto* value = parent.if_contains(key);
  if (value == nullptr || !value->is_bool()) return missing(key, "a boolean");
  return value->get_bool();
}

common::Result<boost::json::object> parse_object(std::string_view text, std::string_view what) {
  boost::system::error_code ec;
  auto value = boost::json::parse(text, ec);
  if (ec || !value.is_object()) {
    return Error::internal(std::string(what) + " is not a JSON object");
  }
  return std::move(value.get_object());
}

}  // namespace shop::product::search::json_fields
