#include "api/grpc_service.hpp"

#include "api/cart_handlers.hpp"
#include "api/order_handlers.hpp"
#include "common/grpc/unary.hpp"

namespace shop::order::api {

using common::grpc_glue::CallContext;
using common::grpc_glue::serve_unary;
using Reactor = grpc::ServerUnaryReactor;
namespace v1 = order::v1;

Reactor* OrderGrpcService::GetCart(grpc::CallbackServerContext* context, const v1::GetCartRequest*,
                                   v1::Cart* response) {
  return serve_unary("GetCart", context, response, executor_,
                     [deps = deps_](CallContext call) { return get_cart(*deps, std::move(call)); });
}

Reactor* OrderGrpcService::AddCartItem(grpc::CallbackServerContext* context,
                                       const v1::CartItemRequest* request, v1::Cart* response) {
  return serve_unary("AddCartItem", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return add_cart_item(*deps, *request, std::move(call));
                     });
}

Reactor* OrderGrpcService::UpdateCartItem(grpc::CallbackServerContext* context,
                                          const v1::CartItemRequest* request, v1::Cart* response) {
  return serve_unary("UpdateCartItem", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return update_cart_item(*deps, *request, std::move(call));
                     });
}

Reactor* OrderGrpcService::RemoveCartItem(grpc::CallbackServerContext* context,
                                          const v1::RemoveCartItemRequest* request,
                                          v1::Cart* response) {
  return serve_unary("RemoveCartItem", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return remove_cart_item(*deps, *request, std::move(call));
                     });
}

Reactor* OrderGrpcService::ClearCart(grpc::CallbackServerContext* context,
                                     const v1::ClearCartRequest*, v1::Cart* response) {
  return serve_unary("ClearCart", context, response, executor_, [deps = deps_](CallContext call) {
    return clear_cart(*deps, std::move(call));
  });
}

Reactor* OrderGrpcService::CreateOrder(grpc::CallbackServerContext* context,
                                       const v1::CreateOrderRequest* request, v1::Order* response) {
  return serve_unary("CreateOrder", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return create_order(*deps, *request, std::move(call));
                     });
}

Reactor* OrderGrpcService::ListOrders(grpc::CallbackServerContext* context,
                                      const v1::ListOrdersRequest*, v1::OrderList* response) {
  return serve_unary("ListOrders", context, response, executor_, [deps = deps_](CallContext call) {
    return list_orders(*deps, std::move(call));
  });
}

Reactor* OrderGrpcService::GetOrder(grpc::CallbackServerContext* context,
                                    const v1::GetOrderRequest* request, v1::Order* response) {
  return serve_unary("GetOrder", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return get_order(*deps, *request, std::move(call));
                     });
}

Reactor* OrderGrpcService::CancelOrder(grpc::CallbackServerContext* context,
                                       const v1::GetOrderRequest* request, v1::Order* response) {
  return serve_unary("CancelOrder", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return cancel_order(*deps, *request, std::move(call));
                     });
}

Reactor* OrderGrpcService::SetOrderStatus(grpc::CallbackServerContext* context,
                                          const v1::SetOrderStatusRequest* request,
                                          v1::Order* response) {
  return serve_unary("SetOrderStatus", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return set_order_status(*deps, *request, std::move(call));
                     });
}

}  // namespace shop::order::api
