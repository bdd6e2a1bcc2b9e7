#pragma once
// POST/GET /api/v1/orders...: placing an order (idempotent per Idempotency-Key),
// reading, cancelling and, for admins, moving it through fulfilment.

#include "api/deps.hpp"
#include "common/grpc/call_context.hpp"
#include "proto/order.pb.h"

namespace shop::order::api {

Task<order::v1::Order> create_order(const Deps& deps, const order::v1::CreateOrderRequest& request,
                                    common::grpc_glue::CallContext call);
Task<order::v1::OrderList> list_orders(const Deps& deps, common::grpc_glue::CallContext call);
Task<order::v1::Order> get_order(const Deps& deps, const order::v1::GetOrderRequest& request,
                                 common::grpc_glue::CallContext call);
Task<order::v1::Order> cancel_order(const Deps& deps, const order::v1::GetOrderRequest& request,
                                    common::grpc_glue::CallContext call);
Task<order::v1::Order> set_order_status(const Deps& deps,
                                        const order::v1::SetOrderStatusRequest& request,
                                        common::grpc_glue::CallContext call);

}  // namespace shop::order::api
