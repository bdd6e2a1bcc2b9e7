#include "api/list_charges.hpp"

#include "api/answers.hpp"
#include "api/resources_json.hpp"
#include "common/http/query.hpp"
#include "common/http/responses.hpp"

namespace shop::payment::api {

boost::asio::awaitable<http::Response> list_charges(const Deps& deps, const http::Request& request,
                                                    const http::RequestContext&) {
  const auto order_id = http::query_param(request.target(), "order_id");
  if (!order_id || order_id->empty())
    co_return error_response(models::ApiError::missing_param("order_id"));
  auto charges = co_await deps.charges->list_by_order(*order_id);
  if (!charges) co_return error_response(internal_failure(charges.error(), "listing charges"));
  co_return http::json_response(http::Status::ok, charge_list_json(*charges));
}

}  // namespace shop::payment::api
