#pragma once
// One error model for the whole system. Request paths return Result<T>; the error
// is mapped once to an HTTP problem+json answer (http/problem.hpp) and once to a
// gRPC status (grpc/status.hpp), both from the table in errors.cpp.

#include <boost/system/result.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace shop::common {

enum class ErrorCode {
  kBadRequest,            // malformed input: 400
  kValidation,            // well-formed but invalid fields: 422
  kUnauthenticated,       // 401
  kForbidden,             // 403
  kNotFound,              // 404
  kMethodNotAllowed,      // 405
  kConflict,              // 409: duplicate or illegal state transition
  kPayloadTooLarge,       // 413
  kHeadersTooLarge,       // 431
  kUnsupportedMediaType,  // 415
  kRateLimited,           // 429
  kUnavailable,           // 503: a dependency is down
  kDeadlineExceeded,      // 504
  kInternal,              // 500
};

struct FieldError {
  std::string field;
  std::string message;
  bool operator==(const FieldError&) const = default;
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string detail;
  std::vector<FieldError> fields;

  static Error bad_request(std::string detail) {
    return {ErrorCode::kBadRequest, std::move(detail), {}};
  }
  static Error validation(std::vector<FieldError> fields) {
    return {ErrorCode::kValidation, "one or more fields are invalid", std::move(fields)};
  }
  static Error unauthenticated(std::string detail) {
    return {ErrorCode::kUnauthenticated, std::move(detail), {}};
  }
  static Error forbidden(std::string detail) {
    return {ErrorCode::kForbidden, std::move(detail), {}};
  }
  static Error not_found(std::string detail) {
    return {ErrorCode::kNotFound, std::move(detail), {}};
  }
  static Error conflict(std::string detail) {
    return {ErrorCode::kConflict, std::move(detail), {}};
  }
  static Error rate_limited(std::string detail) {
    return {ErrorCode::kRateLimited, std::move(detail), {}};
  }
  static Error unavailable(std::string detail) {
    return {ErrorCode::kUnavailable, std::move(detail), {}};
  }
  static Error deadline_exceeded(std::string detail) {
    return {ErrorCode::kDeadlineExceeded, std::move(detail), {}};
  }
  static Error internal(std::string detail) {
    return {ErrorCode::kInternal, std::move(detail), {}};
  }
};

// Result<T>: a value or an Error. Result<void> for operations without a value.
template <class T>
using Result = boost::system::result<T, Error>;

struct ErrorTraits {
  ErrorCode code;
  int http_status;
  int grpc_code;  // grpc::StatusCode, kept as int so this header stays light
  std::string_view title;
  std::string_view type_slug;  // problem "type" is "https://shop.example.com/problems/<slug>"
};

const ErrorTraits& traits(ErrorCode code);
ErrorCode error_code_from_grpc(int grpc_code);

// Lets Result<T>::value() throw when a caller insists on a value that is not there.
[[noreturn]] void throw_exception_from_error(const Error& error, const boost::source_location& loc);

}  // namespace shop::common
