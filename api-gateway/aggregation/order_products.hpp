#pragma once
// Aggregation for GET /api/v1/orders/{id}: each item gains its product as the catalog
// shows it now (name, current price, stock). When product-service does not answer within
// its own short deadline the order is still served, flagged `partial`.

#include <chrono>
#include <memory>

#include "common/balancing/instance_pool.hpp"
#include "routing/proxy_handler.hpp"

namespace shop::gateway::aggregation {

routing::Enricher order_products(std::shared_ptr<common::balancing::InstancePool> products,
                                 std::chrono::milliseconds timeout);

}  // namespace shop::gateway::aggregation
