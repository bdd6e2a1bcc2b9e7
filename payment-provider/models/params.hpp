#pragma once
// Reading a request's JSON parameters with the errors a Stripe-style API gives: each
// names the parameter at fault by its path ("card.exp_month"). A JSON null counts as
// absent.

#include <boost/json/object.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "models/api_error.hpp"

namespace shop::payment::models {

// The request body as a JSON object; anything else is an invalid request.
ApiResult<boost::json::object> parse_params(std::string_view body);

class ParamReader {
 public:
  // `prefix` is the path of `params` inside the body, e.g. "card." for the card object.
  explicit ParamReader(const boost::json::object& params, std::string prefix = {})
      : params_(params), prefix_(std::move(prefix)) {}

  // Fails on the first parameter that is not one of `known`.
  ApiResult<void> only(std::initializer_list<std::string_view> known) const;

  ApiResult<const boost::json::object*> required_object(std::string_view name) const;
  ApiResult<const boost::json::object*> optional_object(std::string_view name) const;
  ApiResult<std::string> required_string(std::string_view name) const;
  ApiResult<std::optional<std::string>> optional_string(std::string_view name) const;
  ApiResult<std::int64_t> required_integer(std::string_view name) const;
  ApiResult<std::optional<std::int64_t>> optional_integer(std::string_view name) const;

  std::string path(std::string_view name) const { return prefix_ + std::string(name); }

 private:
  const boost::json::value* find(std::string_view name) const;

  const boost::json::object& params_;
  std::string prefix_;
};

}  // namespace shop::payment::models
