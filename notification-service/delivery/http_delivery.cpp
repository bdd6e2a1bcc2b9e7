#include "delivery/http_delivery.hpp"

#include "common/runtime/blocking.hpp"
#include "webhook/receiver_answer.hpp"
#include "webhook/target_guard.hpp"

namespace shop::notification::delivery {

AttemptResult verdict_of(const webhook::PostResult& posted) {
  AttemptResult result{
      .status_code = posted.status, .error = posted.transport_error, .duration = posted.elapsed};
  switch (webhook::classify_attempt(posted.status)) {
    case webhook::AttemptOutcome::kSucceeded:
      result.verdict = Verdict::kDelivered;
      break;
    case webhook::AttemptOutcome::kGone:
      result.verdict = Verdict::kTargetGone;
      break;
    case webhook::AttemptOutcome::kFailed:
      result.verdict = Verdict::kRetry;
      if (result.error.empty()) result.error = "HTTP " + std::to_string(posted.status);
      break;
  }
  return result;
}

boost::asio::awaitable<AttemptResult> post_to(boost::asio::thread_pool& blocking,
                                              const OutboundSettings& settings, std::string url,
                                              std::vector<webhook::HttpHeader> headers,
                                              std::string body) {
  auto vetted =
      co_await webhook::vet_target(blocking, std::move(url), settings.allow_private_targets);
  if (!vetted) {
    const auto verdict =
        vetted.error().code == common::ErrorCode::kUnavailable ? Verdict::kRetry : Verdict::kGiveUp;
    co_return AttemptResult{.verdict = verdict, .error = vetted.error().detail};
  }
  const auto timeouts = settings.timeouts;
  auto post = [target = std::move(*vetted), headers = std::move(headers), body = std::move(body),
               timeouts] { return webhook::post_webhook(target, headers, body, timeouts); };
  const auto posted = co_await common::runtime::run_blocking(blocking, std::move(post));
  co_return verdict_of(posted);
}

}  // namespace shop::notification::delivery
