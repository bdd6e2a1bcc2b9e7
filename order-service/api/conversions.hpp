#pragma once
// Domain values <-> the messages of shared/proto/order.proto.

#include "models/order.hpp"
#include "models/validation.hpp"
#include "proto/order.pb.h"

namespace shop::order::api {

namespace v1 = order::v1;

v1::Order to_proto(const models::Order& order);
models::OrderRequest from_proto(const v1::CreateOrderRequest& request);

}  // namespace shop::order::api
