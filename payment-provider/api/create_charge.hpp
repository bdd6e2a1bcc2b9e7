#pragma once
// POST /v1/charges: charges a payment method, with the outcome its test card gives;
// Idempotency-Key required.

#include "api/deps.hpp"

namespace shop::payment::api {

boost::asio::awaitable<http::Response> create_charge(const Deps& deps, const http::Request& request,
                                                     const http::RequestContext& context);

}  // namespace shop::payment::api
