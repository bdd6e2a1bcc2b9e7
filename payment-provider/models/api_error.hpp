#pragma once
// The provider's error model, the one its Stripe-style clients know: an HTTP status and
// an `error` object with a type and, where they apply, a code, the parameter at fault,
// the decline reason and the failed charge's id. Plain data; api/ renders it.

#include <boost/system/result.hpp>

#include <string>
#include <string_view>

namespace shop::payment::models {

enum class ErrorType { kInvalidRequest, kCard, kAuthentication, kIdempotency, kApi };

// "invalid_request_error", "card_error", ...
std::string_view type_name(ErrorType type);

struct ApiError {
  int status = 500;
  ErrorType type = ErrorType::kApi;
  std::string code{};
  std::string message{};
  std::string param{};
  std::string decline_code{};
  std::string charge{};

  // 400 for a parameter that is malformed, out of range or otherwise unusable.
  static ApiError invalid_param(std::string param, std::string message);
  static ApiError missing_param(std::string param);
  static ApiError unknown_param(std::string param);
  // 400 for a request that cannot be read at all (no JSON object, no idempotency key).
  static ApiError invalid_request(std::string message);
  // 400 naming the parameter that refers to an object that does not exist.
  static ApiError resource_missing(std::string param, std::string message);
  // 404 for a GET of an object that does not exist.
  static ApiError not_found(std::string message);
  // 400 for an operation the object's state forbids (a refund of what is not left).
  static ApiError invalid_state(std::string code, std::string param, std::string message);
  // 402: the card itself is unusable.
  static ApiError card(std::string code, std::string param, std::string message);
  // 402: the issuer declined the charge `charge_id`.
  static ApiError declined(std::string decline_code, std::string message, std::string charge_id);
  static ApiError authentication();
  static ApiError idempotency_key_in_use();
  static ApiError idempotency_key_reused();
  static ApiError provider_failure();
};

template <class T>
using ApiResult = boost::system::result<T, ApiError>;

// Lets ApiResult<T>::value() throw when a caller insists on a value that is not there.
[[noreturn]] void throw_exception_from_error(const ApiError& error,
                                             const boost::source_location& location);

}  // namespace shop::payment::models
