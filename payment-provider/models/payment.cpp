#include "models/payment.hpp"

namespace shop::payment::models {

boost::json::object to_json(const Metadata& metadata) {
  boost::json::object object;
  for (const auto& [key, value] : metadata) object[key] = value;
  return object;
}

Metadata metadata_from_json(const boost::json::object& object) {
  Metadata metadata;
  for (const auto& [key, value] : object) {
    if (value.is_string()) metadata.emplace(std::string(key), std::string(value.as_string()));
  }
  return metadata;
}

std::string_view status_name(ChargeStatus status) {
  return status == ChargeStatus::kFailed ? "failed" : "succeeded";
}

std::optional<ChargeStatus> parse_status(std::string_view name) {
  if (name == "succeeded") return ChargeStatus::kSucceeded;
  if (name == "failed") return ChargeStatus::kFailed;
  return std::nullopt;
}

}  // namespace shop::payment::models
