#include "common/errors.hpp"

#include <array>
#include <stdexcept>

namespace shop::common {
namespace {

// grpc::StatusCode values, spelled out to keep grpc headers out of this file.
constexpr int kGrpcInvalidArgument = 3;
constexpr int kGrpcDeadlineExceeded = 4;
constexpr int kGrpcNotFound = 5;
constexpr int kGrpcAlreadyExists = 6;
constexpr int kGrpcPermissionDenied = 7;
constexpr int kGrpcResourceExhausted = 8;
constexpr int kGrpcFailedPrecondition = 9;
constexpr int kGrpcOutOfRange = 11;
constexpr int kGrpcUnimplemented = 12;
constexpr int kGrpcInternal = 13;
constexpr int kGrpcUnavailable = 14;
constexpr int kGrpcUnauthenticated = 16;

constexpr std::array kTraits{
    ErrorTraits{ErrorCode::kBadRequest, 400, kGrpcInvalidArgument, "Bad Request", "bad-request"},
    ErrorTraits{ErrorCode::kValidation, 422, kGrpcFailedPrecondition, "Validation Failed",
                "validation"},
    ErrorTraits{ErrorCode::kUnauthenticated, 401, kGrpcUnauthenticated, "Unauthorized",
                "unauthorized"},
    ErrorTraits{ErrorCode::kForbidden, 403, kGrpcPermissionDenied, "Forbidden", "forbidden"},
    ErrorTraits{ErrorCode::kNotFound, 404, kGrpcNotFound, "Not Found", "not-found"},
    ErrorTraits{ErrorCode::kMethodNotAllowed, 405, kGrpcUnimplemented, "Method Not Allowed",
                "method-not-allowed"},
    ErrorTraits{ErrorCode::kConflict, 409, kGrpcAlreadyExists, "Conflict", "conflict"},
    ErrorTraits{ErrorCode::kPayloadTooLarge, 413, kGrpcOutOfRange, "Payload Too Large",
                "payload-too-large"},
    ErrorTraits{ErrorCode::kHeadersTooLarge, 431, kGrpcOutOfRange,
                "Request Header Fields Too Large", "headers-too-large"},
    ErrorTraits{ErrorCode::kUnsupportedMediaType, 415, kGrpcInvalidArgument,
                "Unsupported Media Type", "unsupported-media-type"},
    ErrorTraits{ErrorCode::kRateLimited, 429, kGrpcResourceExhausted, "Too Many Requests",
                "rate-limited"},
    ErrorTraits{ErrorCode::kUnavailable, 503, kGrpcUnavailable, "Service Unavailable",
                "unavailable"},
    ErrorTraits{ErrorCode::kDeadlineExceeded, 504, kGrpcDeadlineExceeded, "Gateway Timeout",
                "timeout"},
    ErrorTraits{ErrorCode::kInternal, 500, kGrpcInternal, "Internal Server Error", "internal"},
};

}  // namespace

const ErrorTraits& traits(ErrorCode code) {
  for (const auto& entry : kTraits) {
    if (entry.code == code) return entry;
  }
  return kTraits.back();
}

ErrorCode error_code_from_grpc(int grpc_code) {
  for (const auto& entry : kTraits) {
    if (entry.grpc_code == grpc_code) return entry.code;
  }
  return ErrorCode::kInternal;
}

void throw_exception_from_error(const Error& error, const boost::source_location&) {
  throw std::runtime_error(std::string(traits(error.code).title) + ": " + error.detail);
}

}  // namespace shop::common
