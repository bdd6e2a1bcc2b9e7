#include "api/answers.hpp"

#include <boost/json/serialize.hpp>

#include "common/http/responses.hpp"
#include "common/observability/logger.hpp"

namespace shop::payment::api {

boost::json::object error_json(const models::ApiError& error) {
  boost::json::object details{{"type", models::type_name(error.type)}};
  const auto add = [&details](std::string_view name, const std::string& value) {
    if (!value.empty()) details[name] = value;
  };
  add("code", error.code);
  add("decline_code", error.decline_code);
  add("charge", error.charge);
  add("param", error.param);
  add("message", error.message);
  return {{"error", std::move(details)}};
}

repository::StoredResponse stored_json(common::http::Status status,
                                       const boost::json::object& body) {
  return {static_cast<int>(status), boost::json::serialize(body)};
}

repository::StoredResponse stored_error(const models::ApiError& error) {
  return stored_json(static_cast<common::http::Status>(error.status), error_json(error));
}

common::http::Response to_response(const repository::StoredResponse& stored) {
  return common::http::json_response(static_cast<common::http::Status>(stored.status), stored.body);
}

common::http::Response error_response(const models::ApiError& error) {
  return to_response(stored_error(error));
}

models::ApiError internal_failure(const common::Error& error, std::string_view during) {
  common::obs::warn("request failed", {{"during", during}, {"error", error.detail}});
  return models::ApiError::provider_failure();
}

}  // namespace shop::payment::api
