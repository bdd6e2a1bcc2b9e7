#pragma once
// GET/POST/PATCH/DELETE /api/v1/cart...: the caller's cart, one stored line per
// product, priced from the catalog when it is read.

#include "api/deps.hpp"
#include "common/grpc/call_context.hpp"
#include "proto/order.pb.h"

namespace shop::order::api {

Task<order::v1::Cart> get_cart(const Deps& deps, common::grpc_glue::CallContext call);
// Adds to the line's quantity when the product is in the cart already.
Task<order::v1::Cart> add_cart_item(const Deps& deps, const order::v1::CartItemRequest& request,
                                    common::grpc_glue::CallContext call);
// Sets the quantity of a line the cart holds (404 otherwise).
Task<order::v1::Cart> update_cart_item(const Deps& deps, const order::v1::CartItemRequest& request,
                                       common::grpc_glue::CallContext call);
Task<order::v1::Cart> remove_cart_item(const Deps& deps,
                                       const order::v1::RemoveCartItemRequest& request,
                                       common::grpc_glue::CallContext call);
Task<order::v1::Cart> clear_cart(const Deps& deps, common::grpc_glue::CallContext call);

}  // namespace shop::order::api
