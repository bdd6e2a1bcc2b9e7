#pragma once
// common::PostalAddress <-> the shop.api.PostalAddress message every service's API uses.

#include "common/field_checks.hpp"
#include "proto/address.pb.h"

namespace shop::common::grpc_glue {

api::PostalAddress to_proto(const PostalAddress& address);
PostalAddress from_proto(const api::PostalAddress& address);

}  // namespace shop::common::grpc_glue
