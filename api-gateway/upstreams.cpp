#include "upstreams.hpp"

#include <stdexcept>

#include "common/text.hpp"
#include "proto/notification.pb.h"
#include "proto/order.pb.h"
#include "proto/product.pb.h"
#include "proto/user.pb.h"

namespace shop::gateway {

std::vector<routing::ServiceBinding> service_bindings() {
  return {
      {user::v1::User::descriptor()->file()->FindServiceByName("UserService"), "user-service"},
      {product::v1::Product::descriptor()->file()->FindServiceByName("ProductService"),
       "product-service"},
      {order::v1::Order::descriptor()->file()->FindServiceByName("OrderService"), "order-service"},
      {notification::v1::Webhook::descriptor()->file()->FindServiceByName("NotificationService"),
       "notification-service"},
  };
}

std::vector<Upstream> connect_upstreams(const std::vector<UpstreamConfig>& configs,
                                        common::balancing::UpstreamSet& pools) {
  std::vector<Upstream> upstreams;
  for (const auto& config : configs) {
    std::vector<common::http::Endpoint> health;
    for (const auto& address : common::split(config.http_address, ',')) {
      auto endpoint = common::http::Endpoint::parse(common::trim(address));
      if (!endpoint) throw std::invalid_argument(config.name + ": bad HTTP address " + address);
      health.push_back(*endpoint);
    }
    if (health.empty()) throw std::invalid_argument(config.name + ": no HTTP address");
    auto pool = pools.add(config.name, config.grpc_address);
    if (!pool) throw std::invalid_argument(pool.error().detail);
    upstreams.push_back({config.name, std::move(*pool), std::move(health)});
  }
  return upstreams;
}

}  // namespace shop::gateway
