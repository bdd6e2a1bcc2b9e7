#pragma once
// GET /v1/charges/{id}: one charge, as stored now (refunds included).

#include "api/deps.hpp"

namespace shop::payment::api {

boost::asio::awaitable<http::Response> get_charge(const Deps& deps, const http::Request& request,
                                                  const http::RequestContext& context);

}  // namespace shop::payment::api
