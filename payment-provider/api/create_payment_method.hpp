#pragma once
// POST /v1/payment_methods: tokenizes a card into a "pm_..." payment method.

#include "api/deps.hpp"

namespace shop::payment::api {

boost::asio::awaitable<http::Response> create_payment_method(const Deps& deps,
                                                             const http::Request& request,
                                                             const http::RequestContext& context);

}  // namespace shop::payment::api
