#pragma once
// What a driver or server error means to a caller:
//   duplicate key (11000)                                     kConflict
//   no server reachable: server selection, connect, socket
//   error or timeout, a server shutting down or not primary,
//   FerretDB losing its PostgreSQL backend                    kUnavailable
//   the server's time limit (maxTimeMS)                       kDeadlineExceeded
//   anything else                                             kInternal
// The detail names the operation and carries the driver's or server's message.

#include <cstdint>
#include <string_view>

#include "common/errors.hpp"

namespace shop::common::mongo {

// A bson_error_t's domain (mongoc_error_domain_t), code and message.
ErrorCode classify_driver_error(std::uint32_t domain, std::uint32_t code, std::string_view message);

Error driver_error(std::string_view operation, std::uint32_t domain, std::uint32_t code,
                   std::string_view message);

}  // namespace shop::common::mongo
