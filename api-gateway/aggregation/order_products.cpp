#include "aggregation/order_products.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "common/observability/logger.hpp"
#include "proto/order.pb.h"
#include "proto/product.pb.h"

namespace shop::gateway::aggregation {
namespace {

namespace asio = boost::asio;
using common::grpc_glue::CallContext;

constexpr const char* kGetProducts = "/shop.product.v1.ProductService/GetProducts";

product::v1::GetProductsRequest products_of(const order::v1::Order& order) {
  product::v1::GetProductsRequest request;
  for (const auto& item : order.items()) {
    const auto& ids = request.ids();
    if (std::find(ids.begin(), ids.end(), item.product_id()) == ids.end()) {
      request.add_ids(item.product_id());
    }
  }
  return request;
}

void fill_summaries(order::v1::Order& order, const product::v1::ProductList& found) {
  std::unordered_map<std::string, const product::v1::Product*> by_id;
  for (const auto& product : found.items()) by_id.emplace(product.id(), &product);
  for (auto& item : *order.mutable_items()) {
    const auto match = by_id.find(item.product_id());
    if (match == by_id.end()) continue;  // deleted from the catalog since
    auto* summary = item.mutable_product();
    summary->set_name(match->second->name());
    summary->set_price_cents(match->second->price_cents());
    summary->set_currency(match->second->currency());
    summary->set_stock_available(match->second->stock_available());
  }
}

}  // namespace

routing::Enricher order_products(std::shared_ptr<common::balancing::InstancePool> products,
                                 std::chrono::milliseconds timeout) {
  return [products = std::move(products), timeout](
             google::protobuf::Message& message, const CallContext& call) -> asio::awaitable<void> {
    auto* order = dynamic_cast<order::v1::Order*>(&message);
    if (order == nullptr || order->items().empty()) co_return;
    const auto request = products_of(*order);
    auto reply = co_await products->call_idempotent(kGetProducts, request.SerializeAsString(), call,
                                                    timeout);
    product::v1::ProductList found;
    if (!reply.status.ok() || !found.ParseFromString(reply.body)) {
      common::obs::warn("order served without current product details",
                        {{"order_id", order->id()},
                         {"code", reply.status.error_code()},
                         {"error", reply.status.error_message()}});
      order->set_partial(true);
      co_return;
    }
    fill_summaries(*order, found);
  };
}

}  // namespace shop::gateway::aggregation
