#include "api/grpc_service.hpp"

#include "api/catalog_handlers.hpp"
#include "api/inventory_handlers.hpp"
#include "common/grpc/unary.hpp"

namespace shop::product::api {

using common::grpc_glue::serve_unary;
using Reactor = grpc::ServerUnaryReactor;

Reactor* ProductGrpcService::ListProducts(grpc::CallbackServerContext* context,
                                          const v1::ListProductsRequest* request,
                                          v1::ProductPage* response) {
  return serve_unary(
      "ListProducts", context, response, executor_,
      [deps = deps_, request](const CallContext&) { return list_products(*deps, *request); });
}

Reactor* ProductGrpcService::GetProduct(grpc::CallbackServerContext* context,
                                        const v1::GetProductRequest* request,
                                        v1::Product* response) {
  return serve_unary(
      "GetProduct", context, response, executor_,
      [deps = deps_, request](const CallContext&) { return get_product(*deps, *request); });
}

Reactor* ProductGrpcService::CreateProduct(grpc::CallbackServerContext* context,
                                           const v1::CreateProductRequest* request,
                                           v1::Product* response) {
  return serve_unary("CreateProduct", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return create_product(*deps, *request, std::move(call));
                     });
}

Reactor* ProductGrpcService::UpdateProduct(grpc::CallbackServerContext* context,
                                           const v1::UpdateProductRequest* request,
                                           v1::Product* response) {
  return serve_unary("UpdateProduct", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return update_product(*deps, *request, std::move(call));
                     });
}

Reactor* ProductGrpcService::DeleteProduct(grpc::CallbackServerContext* context,
                                           const v1::DeleteProductRequest* request,
                                           google::protobuf::Empty* response) {
  return serve_unary("DeleteProduct", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return delete_product(*deps, *request, std::move(call));
                     });
}

Reactor* ProductGrpcService::ListCategories(grpc::CallbackServerContext* context,
                                            const v1::ListCategoriesRequest*,
                                            v1::CategoryList* response) {
  return serve_unary("ListCategories", context, response, executor_,
                     [deps = deps_](const CallContext&) { return list_categories(*deps); });
}

Reactor* ProductGrpcService::CreateCategory(grpc::CallbackServerContext* context,
                                            const v1::CreateCategoryRequest* request,
                                            v1::Category* response) {
  return serve_unary("CreateCategory", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return create_category(*deps, *request, std::move(call));
                     });
}

Reactor* ProductGrpcService::SetInventory(grpc::CallbackServerContext* context,
                                          const v1::SetInventoryRequest* request,
                                          v1::Inventory* response) {
  return serve_unary("SetInventory", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return set_inventory(*deps, *request, std::move(call));
                     });
}

Reactor* ProductGrpcService::JoinWaitlist(grpc::CallbackServerContext* context,
                                          const v1::WaitlistRequest* request,
                                          v1::WaitlistEntry* response) {
  return serve_unary("JoinWaitlist", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return join_waitlist(*deps, *request, std::move(call));
                     });
}

Reactor* ProductGrpcService::LeaveWaitlist(grpc::CallbackServerContext* context,
                                           const v1::WaitlistRequest* request,
                                           google::protobuf::Empty* response) {
  return serve_unary("LeaveWaitlist", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return leave_waitlist(*deps, *request, std::move(call));
                     });
}

Reactor* ProductGrpcService::GetProducts(grpc::CallbackServerContext* context,
                                         const v1::GetProductsRequest* request,
                                         v1::ProductList* response) {
  return serve_unary(
      "GetProducts", context, response, executor_,
      [deps = deps_, request](const CallContext&) { return get_products(*deps, *request); });
}

Reactor* ProductGrpcService::ReserveStock(grpc::CallbackServerContext* context,
                                          const v1::ReserveStockRequest* request,
                                          v1::Reservation* response) {
  return serve_unary("ReserveStock", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return reserve_stock(*deps, *request, std::move(call));
                     });
}

Reactor* ProductGrpcService::CommitReservation(grpc::CallbackServerContext* context,
                                               const v1::ReservationRequest* request,
                                               v1::Reservation* response) {
  return serve_unary("CommitReservation", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return commit_reservation(*deps, *request, std::move(call));
                     });
}

Reactor* ProductGrpcService::ReleaseReservation(grpc::CallbackServerContext* context,
                                                const v1::ReservationRequest* request,
                                                v1::Reservation* response) {
  return serve_unary("ReleaseReservation", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return release_reservation(*deps, *request, std::move(call));
                     });
}

Reactor* ProductGrpcService::ReturnStock(grpc::CallbackServerContext* context,
                                         const v1::ReservationRequest* request,
                                         v1::Reservation* response) {
  return serve_unary("ReturnStock", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return return_stock(*deps, *request, std::move(call));
                     });
}

}  // namespace shop::product::api
