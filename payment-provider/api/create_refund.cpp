#include "api/create_refund.hpp"

#include "api/answers.hpp"
#include "api/idempotent_request.hpp"
#include "api/resources_json.hpp"
#include "models/ids.hpp"
#include "models/params.hpp"
#include "models/requests.hpp"

namespace shop::payment::api {
namespace {

namespace asio = boost::asio;

repository::StoredResponse answer_for(const models::Refund& refund) {
  return stored_json(http::Status::created, refund_json(refund));
}

asio::awaitable<Conclusion> run_refund(const Deps& deps, const models::RefundRequest& request,
                                       const repository::KeyClaim& claim) {
  const repository::RefundCommand command{models::new_id(models::kRefundPrefix), request.charge,
                                          request.amount, unix_now(deps)};
  const repository::RenderRefund render = answer_for;
  auto refunded = co_await deps.charges->refund(command, claim, render);
  if (!refunded) co_return Conclusion::retryable(internal_failure(refunded.error(), "refunding"));
  if (!*refunded) co_return Conclusion::decided(refunded->error());
  co_return Conclusion::recorded(answer_for(**refunded));
}

}  // namespace

asio::awaitable<http::Response> create_refund(const Deps& deps, const http::Request& request,
                                              const http::RequestContext&) {
  auto key = idempotency_key(request);
  if (!key) co_return error_response(key.error());
  auto params = models::parse_params(request.body());
  if (!params) co_return error_response(params.error());
  auto refund_request = models::parse_refund_request(*params);
  if (!refund_request) co_return error_response(refund_request.error());
  auto admission = co_await admit(deps, request, *key, *params);
  if (auto* answer = std::get_if<http::Response>(&admission)) co_return std::move(*answer);
  const auto& claim = std::get<repository::KeyClaim>(admission);
  const auto conclusion = co_await run_refund(deps, *refund_request, claim);
  co_return co_await conclude(deps, claim, conclusion);
}

}  // namespace shop::payment::api
