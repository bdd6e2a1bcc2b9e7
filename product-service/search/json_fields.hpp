#pragma once
// Strict reads of fields from search server answers: a missing field or one of the
// wrong type is an error naming the field, never a silent default.

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include "common/errors.hpp"

namespace shop::product::search::json_fields {

common::Result<const boost::json::object*> object(const boost::json::object& parent,
                                                  std::string_view key);
common::Result<const boost::json::array*> array(const boost::json::object& parent,
                                                std::string_view key);
common::Result<std::string> string(const boost::json::object& parent, std::string_view key);
common::Result<std::int64_t> integer(const boost::json::object& parent, std::string_view key);
common::Result<bool> boolean(const boost::json::object& parent, std::string_view key);

// Parses text that must be a JSON object.
common::Result<boost::json::object> parse_object(std::string_view text, std::string_view what);

}  // namespace shop::product::search::json_fields
