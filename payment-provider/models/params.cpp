#include "models/params.hpp"

#include <boost/json/parse.hpp>

#include <algorithm>

namespace shop::payment::models {

ApiResult<boost::json::object> parse_params(std::string_view body) {
  boost::system::error_code ec;
  auto parsed = boost::json::parse(body, ec);
  if (ec) return ApiError::invalid_request("The request body is not valid JSON: " + ec.message());
  if (!parsed.is_object())
    return ApiError::invalid_request("The request body must be a JSON object.");
  return std::move(parsed.as_object());
}

ApiResult<void> ParamReader::only(std::initializer_list<std::string_view> known) const {
  for (const auto& [name, value] : params_) {
    if (std::find(known.begin(), known.end(), name) == known.end())
      return ApiError::unknown_param(path(name));
  }
  return {};
}

const boost::json::value* ParamReader::find(std::string_view name) const {
  const auto* value = params_.if_contains(name);
  return value == nullptr || value->is_null() ? nullptr : value;
}

ApiResult<const boost::json::object*> ParamReader::optional_object(std::string_view name) const {
  const auto* value = find(name);
  if (value == nullptr) return nullptr;
  if (!value->is_object())
    return ApiError::invalid_param(path(name), "Invalid object: " + path(name));
  return &value->as_object();
}

ApiResult<const boost::json::object*> ParamReader::required_object(std::string_view name) const {
  auto object = optional_object(name);
  if (object && *object == nullptr) return ApiError::missing_param(path(name));
  return object;
}

ApiResult<std::optional<std::string>> ParamReader::optional_string(std::string_view name) const {
  const auto* value = find(name);
  if (value == nullptr) return std::optional<std::string>{};
  if (!value->is_string())
    return ApiError::invalid_param(path(name), "Invalid string: " + path(name));
  return std::optional<std::string>(std::string(value->as_string()));
}

ApiResult<std::string> ParamReader::required_string(std::string_view name) const {
  auto text = optional_string(name);
  if (!text) return text.error();
  if (!*text || (*text)->empty()) return ApiError::missing_param(path(name));
  return std::move(**text);
}

ApiResult<std::optional<std::int64_t>> ParamReader::optional_integer(std::string_view name) const {
  const auto* value = find(name);
  if (value == nullptr) return std::optional<std::int64_t>{};
  // Boost.JSON reads every integer that fits as int64; larger ones and fractions do not.
  if (value->is_int64()) return std::optional<std::int64_t>(value->as_int64());
  return ApiError::invalid_param(path(name), "Invalid integer: " + path(name));
}

ApiResult<std::int64_t> ParamReader::required_integer(std::string_view name) const {
  auto number = optional_integer(name);
  if (!number) return number.error();
  if (!*number) return ApiError::missing_param(path(name));
  return **number;
}

}  // namespace shop::payment::models
