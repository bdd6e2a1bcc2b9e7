#pragma once
// Error <-> grpc::Status, both ways; field violations travel in the status details.

#include <grpcpp/support/status.h>

#include "common/errors.hpp"

namespace shop::common::grpc_glue {

grpc::Status to_status(const Error& error);
Error from_status(const grpc::Status& status);

}  // namespace shop::common::grpc_glue
