#pragma once
// The gRPC face of product-service: each RPC forwards to its handler function.

#include <boost/asio/any_io_executor.hpp>

#include "api/deps.hpp"
#include "proto/product.grpc.pb.h"

namespace shop::product::api {

class ProductGrpcService final : public v1::ProductService::CallbackService {
 public:
  ProductGrpcService(boost::asio::any_io_executor executor, std::shared_ptr<const Deps> deps)
      : executor_(std::move(executor)), deps_(std::move(deps)) {}

  // v1::ProductService::CallbackService
  grpc::ServerUnaryReactor* ListProducts(grpc::CallbackServerContext* context,
                                         const v1::ListProductsRequest* request,
                                         v1::ProductPage* response) override;
  grpc::ServerUnaryReactor* GetProduct(grpc::CallbackServerContext* context,
                                       const v1::GetProductRequest* request,
                                       v1::Product* response) override;
  grpc::ServerUnaryReactor* CreateProduct(grpc::CallbackServerContext* context,
                                          const v1::CreateProductRequest* request,
                                          v1::Product* response) override;
  grpc::ServerUnaryReactor* UpdateProduct(grpc::CallbackServerContext* context,
                                          const v1::UpdateProductRequest* request,
                                          v1::Product* response) override;
  grpc::ServerUnaryReactor* DeleteProduct(grpc::CallbackServerContext* context,
                                          const v1::DeleteProductRequest* request,
                                          google::protobuf::Empty* response) override;
  grpc::ServerUnaryReactor* ListCategories(grpc::CallbackServerContext* context,
                                           const v1::ListCategoriesRequest* request,
                                           v1::CategoryList* response) override;
  grpc::ServerUnaryReactor* CreateCategory(grpc::CallbackServerContext* context,
                                           const v1::CreateCategoryRequest* request,
                                           v1::Category* response) override;
  grpc::ServerUnaryReactor* SetInventory(grpc::CallbackServerContext* context,
                                         const v1::SetInventoryRequest* request,
                                         v1::Inventory* response) override;
  grpc::ServerUnaryReactor* JoinWaitlist(grpc::CallbackServerContext* context,
                                         const v1::WaitlistRequest* request,
                                         v1::WaitlistEntry* response) override;
  grpc::ServerUnaryReactor* LeaveWaitlist(grpc::CallbackServerContext* context,
                                          const v1::WaitlistRequest* request,
                                          google::protobuf::Empty* response) override;
  grpc::ServerUnaryReactor* GetProducts(grpc::CallbackServerContext* context,
                                        const v1::GetProductsRequest* request,
                                        v1::ProductList* response) override;
  grpc::ServerUnaryReactor* ReserveStock(grpc::CallbackServerContext* context,
                                         const v1::ReserveStockRequest* request,
                                         v1::Reservation* response) override;
  grpc::ServerUnaryReactor* CommitReservation(grpc::CallbackServerContext* context,
                                              const v1::ReservationRequest* request,
                                              v1::Reservation* response) override;
  grpc::ServerUnaryReactor* ReleaseReservation(grpc::CallbackServerContext* context,
                                               const v1::ReservationRequest* request,
                                               v1::Reservation* response) override;
  grpc::ServerUnaryReactor* ReturnStock(grpc::CallbackServerContext* context,
                                        const v1::ReservationRequest* request,
                                        v1::Reservation* response) override;

 private:
  boost::asio::any_io_executor executor_;
  std::shared_ptr<const Deps> deps_;
};

}  // namespace shop::product::api
