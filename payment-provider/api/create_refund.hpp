#pragma once
// POST /v1/refunds: refunds all or part of what is left of a charge; Idempotency-Key
// required.

#include "api/deps.hpp"

namespace shop::payment::api {

boost::asio::awaitable<http::Response> create_refund(const Deps& deps, const http::Request& request,
                                                     const http::RequestContext& context);

}  // namespace shop::payment::api
