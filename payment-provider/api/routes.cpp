#include "api/routes.hpp"

#include "api/answers.hpp"
#include "api/create_charge.hpp"
#include "api/create_payment_method.hpp"
#include "api/create_refund.hpp"
#include "api/get_charge.hpp"
#include "api/list_charges.hpp"
#include "common/auth/secrets.hpp"

namespace shop::payment::api {
namespace {

constexpr std::string_view kBearerPrefix = "Bearer ";

bool authorized(const Deps& deps, const http::Request& request) {
  const std::string_view header = request[http::beast_http::field::authorization];
  if (!header.starts_with(kBearerPrefix)) return false;
  return common::auth::secrets_equal(header.substr(kBearerPrefix.size()), deps.api_key);
}

// A named coroutine: its parameters live in its frame (a lambda's captures would not).
boost::asio::awaitable<http::Response> authenticated(std::shared_ptr<const Deps> deps,
                                                     Endpoint endpoint,
                                                     const http::Request& request,
                                                     const http::RequestContext& context) {
  if (!authorized(*deps, request)) co_return error_response(models::ApiError::authentication());
  co_return co_await endpoint(*deps, request, context);
}

http::Handler guarded(const std::shared_ptr<const Deps>& deps, Endpoint endpoint) {
  return [deps, endpoint](const http::Request& request, http::RequestContext& context) {
    return authenticated(deps, endpoint, request, context);
  };
}

}  // namespace

void add_api_routes(common::http::Router& router, const std::shared_ptr<const Deps>& deps) {
  using http::Verb;
  router.add(Verb::post, "/v1/payment_methods", guarded(deps, create_payment_method));
  router.add(Verb::post, "/v1/charges", guarded(deps, create_charge));
  router.add(Verb::get, "/v1/charges", guarded(deps, list_charges));
  router.add(Verb::get, "/v1/charges/{id}", guarded(deps, get_charge));
  router.add(Verb::post, "/v1/refunds", guarded(deps, create_refund));
}

}  // namespace shop::payment::api
