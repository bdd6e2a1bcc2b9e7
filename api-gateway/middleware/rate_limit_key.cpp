#include "middleware/rate_limit_key.hpp"

namespace shop::gateway::middleware {
namespace {

// Requests whose peer is unknown share one bucket rather than escape the limit.
constexpr std::string_view kUnknownPeer = "unknown";

}  // namespace

std::string rate_limit_key(RouteClass route_class, std::string_view user_id,
                           std::string_view peer_address) {
  std::string key(to_string(route_class));
  if (limited_per_user(route_class) && !user_id.empty()) {
    key.append(":user:").append(user_id);
  } else {
    key.append(":ip:").append(peer_address.empty() ? kUnknownPeer : peer_address);
  }
  return key;
}

}  // namespace shop::gateway::middleware
