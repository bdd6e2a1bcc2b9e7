#include "common/mongo/mongo_error.hpp"

#include <mongoc/mongoc.h>

#include <algorithm>
#include <array>
#include <string>

namespace shop::common::mongo {
namespace {

constexpr std::array<std::uint32_t, 3> kDuplicateKeyCodes{11000, 11001, 12582};

// The server codes MongoDB's retryable-writes specification counts as transient: the
// node is unreachable, shutting down or no longer primary.
constexpr std::array<std::uint32_t, 12> kTransientServerCodes{
    6, 7, 89, 91, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436};

constexpr std::uint32_t kInternalError = 1;
constexpr std::uint32_t kMaxTimeMsExpired = 50;

template <std::size_t N>
bool one_of(const std::array<std::uint32_t, N>& codes, std::uint32_t code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

// FerretDB reports a lost PostgreSQL as a generic InternalError; only its message (the
// pgx driver's, with the SQLSTATE) tells that the store itself is out of reach:
// connection failures (class 08) and a server shutting down (57P01-57P03).
bool backend_unreachable(std::string_view message) {
  constexpr std::array<std::string_view, 4> kSigns{"failed to connect to", "(SQLSTATE 08",
                                                   "(SQLSTATE 57P0", "dial error"};
  return std::any_of(kSigns.begin(), kSigns.end(), [message](std::string_view sign) {
    return message.find(sign) != std::string_view::npos;
  });
}

}  // namespace

ErrorCode classify_driver_error(std::uint32_t domain, std::uint32_t code,
                                std::string_view message) {
  if (one_of(kDuplicateKeyCodes, code)) return ErrorCode::kConflict;
  switch (domain) {
    case MONGOC_ERROR_SERVER_SELECTION:
    case MONGOC_ERROR_STREAM:
    case MONGOC_ERROR_PROTOCOL:
      return ErrorCode::kUnavailable;
    case MONGOC_ERROR_SERVER:
    case MONGOC_ERROR_QUERY:
    case MONGOC_ERROR_WRITE_CONCERN:
      if (one_of(kTransientServerCodes, code)) return ErrorCode::kUnavailable;
      if (code == kMaxTimeMsExpired) return ErrorCode::kDeadlineExceeded;
      if (code == kInternalError && backend_unreachable(message)) return ErrorCode::kUnavailable;
      return ErrorCode::kInternal;
    default:
      return ErrorCode::kInternal;
  }
}

Error driver_error(std::string_view operation, std::uint32_t domain, std::uint32_t code,
                   std::string_view message) {
  return {classify_driver_error(domain, code, message),
          std::string("mongo ") + std::string(operation) + ": " + std::string(message),
          {}};
}

}  // namespace shop::common::mongo
