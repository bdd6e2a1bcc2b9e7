#include "common/grpc/status.hpp"

#include "proto/errors.pb.h"

namespace shop::common::grpc_glue {

grpc::Status to_status(const Error& error) {
  const auto code = static_cast<grpc::StatusCode>(traits(error.code).grpc_code);
  if (error.fields.empty()) return {code, error.detail};
  shop::api::ErrorDetails details;
  for (const auto& field : error.fields) {
    auto* violation = details.add_errors();
    violation->set_field(field.field);
    violation->set_message(field.message);
  }
  return {code, error.detail, details.SerializeAsString()};
}

Error from_status(const grpc::Status& status) {
  Error error{error_code_from_grpc(status.error_code()), status.error_message(), {}};
  if (status.error_code() == grpc::StatusCode::UNAVAILABLE && error.detail.empty()) {
    error.detail = "the upstream service is unavailable";
  }
  shop::api::ErrorDetails details;
  if (!status.error_details().empty() && details.ParseFromString(status.error_details())) {
    for (const auto& violation : details.errors()) {
      error.fields.push_back({violation.field(), violation.message()});
    }
  }
  return error;
}

}  // namespace shop::common::grpc_glue
