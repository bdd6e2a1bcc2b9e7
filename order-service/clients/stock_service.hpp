#pragma once
// What the order saga asks of product-service, as an interface so saga tests can
// stand in for it. Every call is idempotent per order id at product-service.
// Errors: kConflict when stock is short (reserve) or the reservation is in a state
// that refuses the call; kUnavailable / kDeadlineExceeded when product-service cannot
// be reached (or its breaker is open): the saga tries again later.

#include <boost/asio/awaitable.hpp>

#include <string>
#include <vector>

#include "common/errors.hpp"
#include "common/grpc/call_context.hpp"
#include "models/order.hpp"

namespace shop::order::clients {

template <class T>
using Task = boost::asio::awaitable<common::Result<T>>;

struct CatalogEntry {
  std::string product_id;
  std::string name;
  std::int64_t price_cents = 0;
  std::string currency;
  std::int64_t stock_available = 0;
};

class StockService {
 public:
  virtual ~StockService() = default;
  // The products found, in request order; unknown or deleted ids are left out.
  virtual Task<std::vector<CatalogEntry>> find_products(
      const std::vector<std::string>& ids, const common::grpc_glue::CallContext& call) = 0;
  virtual Task<void> reserve(const models::Order& order,
                             const common::grpc_glue::CallContext& call) = 0;
  virtual Task<void> commit(const std::string& order_id,
                            const common::grpc_glue::CallContext& call) = 0;
  virtual Task<void> release(const std::string& order_id,
                             const common::grpc_glue::CallContext& call) = 0;
  // Puts committed stock back on hand (an order cancelled after its confirmation).
  virtual Task<void> return_stock(const std::string& order_id,
                                  const common::grpc_glue::CallContext& call) = 0;
};

}  // namespace shop::order::clients
