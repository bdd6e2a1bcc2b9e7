#pragma once
// StockService over product-service's gRPC API, each call bounded by a timeout. The
// caller given is the balanced pool of product-service instances, whose per-instance
// circuit breakers refuse at once while no instance can take a call.

#include <chrono>
#include <memory>

#include "clients/stock_service.hpp"
#include "common/grpc/unary_caller.hpp"

namespace shop::order::clients {

class GrpcStockService final : public StockService {
 public:
  GrpcStockService(std::shared_ptr<common::grpc_glue::UnaryCaller> client,
                   std::chrono::milliseconds timeout);

  // StockService
  Task<std::vector<CatalogEntry>> find_products(
      const std::vector<std::string>& ids, const common::grpc_glue::CallContext& call) override;
  Task<void> reserve(const models::Order& order,
                     const common::grpc_glue::CallContext& call) override;
  Task<void> commit(const std::string& order_id,
                    const common::grpc_glue::CallContext& call) override;
  Task<void> release(const std::string& order_id,
                     const common::grpc_glue::CallContext& call) override;
  Task<void> return_stock(const std::string& order_id,
                          const common::grpc_glue::CallContext& call) override;

 private:
  template <class Response, class Request>
  Task<Response> call(const char* method, const Request& request,
                      const common::grpc_glue::CallContext& context);

  // Commit, release or return: a call on the order's reservation whose answer only
  // matters as success or failure.
  Task<void> on_reservation(const char* method, const std::string& order_id,
                            const common::grpc_glue::CallContext& context);

  std::shared_ptr<common::grpc_glue::UnaryCaller> client_;
  std::chrono::milliseconds timeout_;
};

}  // namespace shop::order::clients
