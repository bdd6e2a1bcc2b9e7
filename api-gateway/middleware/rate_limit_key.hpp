#pragma once
// Whose budget a request spends: the bucket key for a route class and a client.

#include <string>
#include <string_view>

#include "middleware/route_class.hpp"

namespace shop::gateway::middleware {

// "<class>:user:<user id>" when the class is limited per user and the request carried a
// valid token (`user_id` not empty), else "<class>:ip:<peer address>". The address is
// the TCP peer's, never X-Forwarded-For, which any client can write.
std::string rate_limit_key(RouteClass route_class, std::string_view user_id,
                           std::string_view peer_address);

}  // namespace shop::gateway::middleware
