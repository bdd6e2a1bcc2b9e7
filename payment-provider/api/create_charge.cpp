#include "api/create_charge.hpp"

#include "api/answers.hpp"
#include "api/idempotent_request.hpp"
#include "api/metrics.hpp"
#include "api/resources_json.hpp"
#include "models/charge_rules.hpp"
#include "models/ids.hpp"
#include "models/params.hpp"

namespace shop::payment::api {
namespace {

namespace asio = boost::asio;
using models::ApiError;
using models::ChargeOutcome;

repository::StoredResponse answer_for(const models::Charge& charge) {
  if (charge.status == models::ChargeStatus::kFailed)
    return stored_error(models::decline_error(charge));
  return stored_json(http::Status::created, charge_json(charge));
}

asio::awaitable<Conclusion> run_charge(const Deps& deps, const models::ChargeRequest& request,
                                       const repository::KeyClaim& claim) {
  auto method = co_await deps.payment_methods->find(request.payment_method);
  if (!method) co_return Conclusion::retryable(internal_failure(method.error(), "reading a card"));
  if (!*method) {
    co_return Conclusion::decided(ApiError::resource_missing(
        "payment_method", "No such PaymentMethod: '" + request.payment_method + "'"));
  }
  const auto outcome = models::outcome_for((*method)->card.number);
  if (outcome == ChargeOutcome::kProviderError) {
    count_charge(outcome);
    co_return Conclusion::retryable(ApiError::provider_failure());
  }
  const models::NewObject identity{models::new_id(models::kChargePrefix), unix_now(deps)};
  const auto charge = models::settle_charge(request, outcome, identity);
  const auto answer = answer_for(charge);
  auto stored = co_await deps.charges->create(charge, claim, answer);
  if (!stored)
    co_return Conclusion::retryable(internal_failure(stored.error(), "storing a charge"));
  count_charge(outcome);
  const auto delay = outcome == ChargeOutcome::kSucceededSlowly ? deps.slow_answer_delay
                                                                : std::chrono::milliseconds{0};
  co_return Conclusion::recorded(answer, delay);
}

}  // namespace

asio::awaitable<http::Response> create_charge(const Deps& deps, const http::Request& request,
                                              const http::RequestContext&) {
  auto key = idempotency_key(request);
  if (!key) co_return error_response(key.error());
  auto params = models::parse_params(request.body());
  if (!params) co_return error_response(params.error());
  auto charge_request = models::parse_charge_request(*params);
  if (!charge_request) co_return error_response(charge_request.error());
  auto admission = co_await admit(deps, request, *key, *params);
  if (auto* answer = std::get_if<http::Response>(&admission)) co_return std::move(*answer);
  const auto& claim = std::get<repository::KeyClaim>(admission);
  const auto conclusion = co_await run_charge(deps, *charge_request, claim);
  co_return co_await conclude(deps, claim, conclusion);
}

}  // namespace shop::payment::api
