#pragma once
// The provider's /v1 API on the router: every route needs the API key as a bearer token.

#include <memory>

#include "api/deps.hpp"
#include "common/http/router.hpp"

namespace shop::payment::api {

void add_api_routes(common::http::Router& router, const std::shared_ptr<const Deps>& deps);

}  // namespace shop::payment::api
