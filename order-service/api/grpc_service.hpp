#pragma once
// The gRPC face of order-service: each RPC forwards to its handler function.

#include <boost/asio/any_io_executor.hpp>

#include "api/deps.hpp"
#include "proto/order.grpc.pb.h"

namespace shop::order::api {

class OrderGrpcService final : public order::v1::OrderService::CallbackService {
 public:
  OrderGrpcService(boost::asio::any_io_executor executor, std::shared_ptr<const Deps> deps)
      : executor_(std::move(executor)), deps_(std::move(deps)) {}

  // order::v1::OrderService::CallbackService
  grpc::ServerUnaryReactor* GetCart(grpc::CallbackServerContext* context,
                                    const order::v1::GetCartRequest* request,
                                    order::v1::Cart* response) override;
  grpc::ServerUnaryReactor* AddCartItem(grpc::CallbackServerContext* context,
                                        const order::v1::CartItemRequest* request,
                                        order::v1::Cart* response) override;
  grpc::ServerUnaryReactor* UpdateCartItem(grpc::CallbackServerContext* context,
                                           const order::v1::CartItemRequest* request,
                                           order::v1::Cart* response) override;
  grpc::ServerUnaryReactor* RemoveCartItem(grpc::CallbackServerContext* context,
                                           const order::v1::RemoveCartItemRequest* request,
                                           order::v1::Cart* response) override;
  grpc::ServerUnaryReactor* ClearCart(grpc::CallbackServerContext* context,
                                      const order::v1::ClearCartRequest* request,
                                      order::v1::Cart* response) override;
  grpc::ServerUnaryReactor* CreateOrder(grpc::CallbackServerContext* context,
                                        const order::v1::CreateOrderRequest* request,
                                        order::v1::Order* response) override;
  grpc::ServerUnaryReactor* ListOrders(grpc::CallbackServerContext* context,
                                       const order::v1::ListOrdersRequest* request,
                                       order::v1::OrderList* response) override;
  grpc::ServerUnaryReactor* GetOrder(grpc::CallbackServerContext* context,
                                     const order::v1::GetOrderRequest* request,
                                     order::v1::Order* response) override;
  grpc::ServerUnaryReactor* CancelOrder(grpc::CallbackServerContext* context,
                                        const order::v1::GetOrderRequest* request,
                                        order::v1::Order* response) override;
  grpc::ServerUnaryReactor* SetOrderStatus(grpc::CallbackServerContext* context,
                                           const order::v1::SetOrderStatusRequest* request,
                                           order::v1::Order* response) override;

 private:
  boost::asio::any_io_executor executor_;
  std::shared_ptr<const Deps> deps_;
};

}  // namespace shop::order::api
