#include "clients/grpc_stock_service.hpp"

#include "common/grpc/typed_call.hpp"
#include "proto/product.pb.h"

namespace shop::order::clients {
namespace {

namespace v1 = product::v1;
using common::Error;

constexpr const char* kGetProducts = "/shop.product.v1.ProductService/GetProducts";
constexpr const char* kReserveStock = "/shop.product.v1.ProductService/ReserveStock";
constexpr const char* kCommit = "/shop.product.v1.ProductService/CommitReservation";
constexpr const char* kRelease = "/shop.product.v1.ProductService/ReleaseReservation";
constexpr const char* kReturn = "/shop.product.v1.ProductService/ReturnStock";

}  // namespace

GrpcStockService::GrpcStockService(std::shared_ptr<common::grpc_glue::UnaryCaller> client,
                                   std::chrono::milliseconds timeout)
    : client_(std::move(client)), timeout_(timeout) {}

template <class Response, class Request>
Task<Response> GrpcStockService::call(const char* method, const Request& request,
                                      const common::grpc_glue::CallContext& context) {
  co_return co_await common::grpc_glue::call_unary<Response>(*client_, method, request, context,
                                                             timeout_);
}

Task<std::vector<CatalogEntry>> GrpcStockService::find_products(
    const std::vector<std::string>& ids, const common::grpc_glue::CallContext& context) {
  v1::GetProductsRequest request;
  for (const auto& id : ids) request.add_ids(id);
  auto found = co_await call<v1::ProductList>(kGetProducts, request, context);
  if (!found) co_return found.error();
  std::vector<CatalogEntry> entries;
  for (const auto& product : found->items()) {
    entries.push_back({product.id(), product.name(), product.price_cents(), product.currency(),
                       product.stock_available()});
  }
  co_return entries;
}

Task<void> GrpcStockService::reserve(const models::Order& order,
                                     const common::grpc_glue::CallContext& context) {
  v1::ReserveStockRequest request;
  request.set_order_id(order.id);
  for (const auto& line : order.lines) {
    auto* item = request.add_items();
    item->set_product_id(line.product_id);
    item->set_quantity(line.quantity);
  }
  auto reserved = co_await call<v1::Reservation>(kReserveStock, request, context);
  if (!reserved) co_return reserved.error();
  if (reserved->status() != "reserved" && reserved->status() != "committed") {
    co_return Error::conflict("the reservation of order " + order.id + " is " + reserved->status());
  }
  co_return common::Result<void>{};
}

Task<void> GrpcStockService::on_reservation(const char* method, const std::string& order_id,
                                            const common::grpc_glue::CallContext& context) {
  v1::ReservationRequest request;
  request.set_order_id(order_id);
  auto answered = co_await call<v1::Reservation>(method, request, context);
  if (!answered) co_return answered.error();
  co_return common::Result<void>{};
}

Task<void> GrpcStockService::commit(const std::string& order_id,
                                    const common::grpc_glue::CallContext& context) {
  co_return co_await on_reservation(kCommit, order_id, context);
}

Task<void> GrpcStockService::release(const std::string& order_id,
                                     const common::grpc_glue::CallContext& context) {
  co_return co_await on_reservation(kRelease, order_id, context);
}

Task<void> GrpcStockService::return_stock(const std::string& order_id,
                                          const common::grpc_glue::CallContext& context) {
  co_return co_await on_reservation(kReturn, order_id, context);
}

}  // namespace shop::order::clients
