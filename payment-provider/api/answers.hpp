#pragma once
// Turning results into answers: Stripe-style error bodies, stored answers and the
// HTTP responses made of them.

#include <boost/json/object.hpp>

#include <string_view>

#include "common/errors.hpp"
#include "common/http/types.hpp"
#include "models/api_error.hpp"
#include "repository/idempotency_repository.hpp"

namespace shop::payment::api {

// {"error": {type, code?, message, param?, decline_code?, charge?}}
boost::json::object error_json(const models::ApiError& error);

repository::StoredResponse stored_error(const models::ApiError& error);
repository::StoredResponse stored_json(common::http::Status status,
                                       const boost::json::object& body);
common::http::Response to_response(const repository::StoredResponse& stored);
common::http::Response error_response(const models::ApiError& error);

// Logs what failed (a storage error, never request data) and gives the generic 500.
models::ApiError internal_failure(const common::Error& error, std::string_view during);

}  // namespace shop::payment::api
