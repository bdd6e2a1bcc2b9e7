#include "api/get_charge.hpp"

#include "api/answers.hpp"
#include "api/resources_json.hpp"
#include "common/http/responses.hpp"

namespace shop::payment::api {

boost::asio::awaitable<http::Response> get_charge(const Deps& deps, const http::Request&,
                                                  const http::RequestContext& context) {
  const auto& id = context.path_params.at("id");
  auto found = co_await deps.charges->find(id);
  if (!found) co_return error_response(internal_failure(found.error(), "reading a charge"));
  if (!*found)
    co_return error_response(models::ApiError::not_found("No such charge: '" + id + "'"));
  co_return http::json_response(http::Status::ok, charge_json(**found));
}

}  // namespace shop::payment::api
