#include "models/api_error.hpp"

#include <stdexcept>

namespace shop::payment::models {

std::string_view type_name(ErrorType type) {
  switch (type) {
    case ErrorType::kInvalidRequest:
      return "invalid_request_error";
    case ErrorType::kCard:
      return "card_error";
    case ErrorType::kAuthentication:
      return "authentication_error";
    case ErrorType::kIdempotency:
      return "idempotency_error";
    case ErrorType::kApi:
      break;
  }
  return "api_error";
}

ApiError ApiError::invalid_param(std::string param, std::string message) {
  return {.status = 400,
          .type = ErrorType::kInvalidRequest,
          .code = "parameter_invalid",
          .message = std::move(message),
          .param = std::move(param)};
}

ApiError ApiError::missing_param(std::string param) {
  auto message = "Missing required param: " + param + ".";
  return {.status = 400,
          .type = ErrorType::kInvalidRequest,
          .code = "parameter_missing",
          .message = std::move(message),
          .param = std::move(param)};
}

ApiError ApiError::unknown_param(std::string param) {
  auto message = "Received unknown parameter: " + param;
  return {.status = 400,
          .type = ErrorType::kInvalidRequest,
          .code = "parameter_unknown",
          .message = std::move(message),
          .param = std::move(param)};
}

ApiError ApiError::invalid_request(std::string message) {
  return {.status = 400, .type = ErrorType::kInvalidRequest, .message = std::move(message)};
}

ApiError ApiError::resource_missing(std::string param, std::string message) {
  return {.status = 400,
          .type = ErrorType::kInvalidRequest,
          .code = "resource_missing",
          .message = std::move(message),
          .param = std::move(param)};
}

ApiError ApiError::not_found(std::string message) {
  return {.status = 404,
          .type = ErrorType::kInvalidRequest,
          .code = "resource_missing",
          .message = std::move(message)};
}

ApiError ApiError::invalid_state(std::string code, std::string param, std::string message) {
  return {.status = 400,
          .type = ErrorType::kInvalidRequest,
          .code = std::move(code),
          .message = std::move(message),
          .param = std::move(param)};
}

ApiError ApiError::card(std::string code, std::string param, std::string message) {
  return {.status = 402,
          .type = ErrorType::kCard,
          .code = std::move(code),
          .message = std::move(message),
          .param = std::move(param)};
}

ApiError ApiError::declined(std::string decline_code, std::string message, std::string charge_id) {
  return {.status = 402,
          .type = ErrorType::kCard,
          .code = "card_declined",
          .message = std::move(message),
          .decline_code = std::move(decline_code),
          .charge = std::move(charge_id)};
}

ApiError ApiError::authentication() {
  return {.status = 401,
          .type = ErrorType::kAuthentication,
          .message = "Invalid API Key provided. Send it as 'Authorization: Bearer <key>'."};
}

ApiError ApiError::idempotency_key_in_use() {
  return {.status = 409,
          .type = ErrorType::kIdempotency,
          .code = "idempotency_key_in_use",
          .message = "A request with this Idempotency-Key is still being processed; retry later."};
}

ApiError ApiError::idempotency_key_reused() {
  return {.status = 400,
          .type = ErrorType::kIdempotency,
          .code = "idempotency_key_reused",
          .message = "This Idempotency-Key was already used with different parameters."};
}

ApiError ApiError::provider_failure() {
  return {.status = 500, .type = ErrorType::kApi, .message = "An error occurred on our side."};
}

void throw_exception_from_error(const ApiError& error, const boost::source_location&) {
  throw std::runtime_error(std::string(type_name(error.type)) + ": " + error.message);
}

}  // namespace shop::payment::models
