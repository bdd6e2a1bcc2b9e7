#pragma once
// GET /v1/charges?order_id=<id>: every charge whose metadata.order_id is <id>, oldest
// first, failed ones included, so a caller can check that an order was charged once.

#include "api/deps.hpp"

namespace shop::payment::api {

boost::asio::awaitable<http::Response> list_charges(const Deps& deps, const http::Request& request,
                                                    const http::RequestContext& context);

}  // namespace shop::payment::api
