#include "api/idempotent_request.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "api/answers.hpp"
#include "common/observability/logger.hpp"
#include "models/fingerprint.hpp"

namespace shop::payment::api {
namespace {

namespace asio = boost::asio;
using models::ApiError;

constexpr std::size_t kMaxKeyLength = 255;
constexpr auto kAsTuple = asio::as_tuple(asio::use_awaitable);

std::string_view path_of(std::string_view target) { return target.substr(0, target.find('?')); }

http::Response replay(const repository::StoredResponse& stored) {
  auto response = to_response(stored);
  response.set("Idempotent-Replayed", "true");
  return response;
}

http::Response repeat_answer(const repository::ClaimResult& repeat) {
  switch (repeat.verdict) {
    case models::RepeatVerdict::kReplay:
      return replay(repeat.response);
    case models::RepeatVerdict::kReused:
      return error_response(ApiError::idempotency_key_reused());
    case models::RepeatVerdict::kInFlight:
      break;
  }
  return error_response(ApiError::idempotency_key_in_use());
}

asio::awaitable<void> hold_back(std::chrono::milliseconds delay) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  timer.expires_after(delay);
  co_await timer.async_wait(kAsTuple);
}

}  // namespace

models::ApiResult<std::string> idempotency_key(const http::Request& request) {
  const auto key = request["Idempotency-Key"];
  if (key.empty()) {
    return ApiError::invalid_request(
        "This request needs an Idempotency-Key header: a unique value per operation, sent "
        "again unchanged when the request is retried.");
  }
  if (key.size() > kMaxKeyLength)
    return ApiError::invalid_request("The Idempotency-Key header is longer than 255 characters.");
  return std::string(key);
}

asio::awaitable<Admission> admit(const Deps& deps, const http::Request& request,
                                 const std::string& key, const boost::json::object& params) {
  const boost::json::value body(params);
  const repository::KeyRequest wanted{
      deps.account, key,
      models::request_fingerprint(request.method_string(), path_of(request.target()), body),
      deps.key_lease};
  auto claimed = co_await deps.idempotency->claim(wanted);
  if (!claimed) co_return error_response(internal_failure(claimed.error(), "claiming a key"));
  if (claimed->kind == repository::ClaimResult::Kind::kClaimed) co_return claimed->claim;
  co_return repeat_answer(*claimed);
}

Conclusion Conclusion::recorded(repository::StoredResponse response,
                                std::chrono::milliseconds delay) {
  return {Kind::kRecorded, std::move(response), delay};
}

Conclusion Conclusion::decided(const ApiError& error) {
  return {Kind::kDecided, stored_error(error), {}};
}

Conclusion Conclusion::retryable(const ApiError& error) {
  return {Kind::kRetryable, stored_error(error), {}};
}

asio::awaitable<http::Response> conclude(const Deps& deps, const repository::KeyClaim& claim,
                                         const Conclusion& conclusion) {
  if (conclusion.kind == Conclusion::Kind::kDecided) {
    auto recorded = co_await deps.idempotency->record(claim, conclusion.response);
    if (!recorded) {
      const auto failure = Conclusion::retryable(internal_failure(recorded.error(), "recording"));
      co_return co_await conclude(deps, claim, failure);
    }
  }
  if (conclusion.kind == Conclusion::Kind::kRetryable) {
    auto released = co_await deps.idempotency->release(claim);
    // Left held, the key answers 409 until its lease runs out, then runs again.
    if (!released)
      common::obs::warn("releasing a key failed", {{"error", released.error().detail}});
    co_return to_response(conclusion.response);
  }
  if (conclusion.delay.count() > 0) co_await hold_back(conclusion.delay);
  auto finished = co_await deps.idempotency->finish(claim);
  // Left in flight, repeats get 409 until the lease runs out, then the stored answer.
  if (!finished) common::obs::warn("finishing a key failed", {{"error", finished.error().detail}});
  co_return to_response(conclusion.response);
}

}  // namespace shop::payment::api
