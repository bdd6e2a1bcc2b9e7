#include "api/create_payment_method.hpp"

#include "api/answers.hpp"
#include "api/resources_json.hpp"
#include "common/http/responses.hpp"
#include "models/ids.hpp"
#include "models/params.hpp"
#include "models/requests.hpp"

namespace shop::payment::api {

boost::asio::awaitable<http::Response> create_payment_method(const Deps& deps,
                                                             const http::Request& request,
                                                             const http::RequestContext&) {
  auto params = models::parse_params(request.body());
  if (!params) co_return error_response(params.error());
  auto details = models::parse_payment_method_request(*params);
  if (!details) co_return error_response(details.error());
  auto card = models::validate_card(*details, current_month(deps));
  if (!card) co_return error_response(card.error());
  const models::PaymentMethod method{models::new_id(models::kPaymentMethodPrefix), std::move(*card),
                                     unix_now(deps)};
  auto created = co_await deps.payment_methods->create(method);
  if (!created)
    co_return error_response(internal_failure(created.error(), "storing a payment method"));
  co_return http::json_response(http::Status::created, payment_method_json(method));
}

}  // namespace shop::payment::api
