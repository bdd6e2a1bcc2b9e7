#include "webhook/retry_schedule.hpp"

#include <algorithm>
#include <cstdint>

namespace shop::notification::webhook {
namespace {

using std::chrono::milliseconds;

// Past this many doublings the 5 s base is far beyond the cap; stop before it overflows.
constexpr int kMaxDoublings = 20;

}  // namespace

AttemptOutcome classify_attempt(int http_status) {
  if (http_status >= 200 && http_status < 300) return AttemptOutcome::kSucceeded;
  if (http_status == 410) return AttemptOutcome::kGone;
  return AttemptOutcome::kFailed;
}

milliseconds backoff_ceiling(int attempt) {
  if (attempt <= 1) return milliseconds{0};
  const int doublings = std::min(attempt - 2, kMaxDoublings);
  const milliseconds uncapped = milliseconds{kFirstRetryDelay} * (std::int64_t{1} << doublings);
  return std::min(uncapped, milliseconds{kMaxRetryDelay});
}

milliseconds delay_before_attempt(int attempt, double random_fraction) {
  const double fraction = std::clamp(random_fraction, 0.0, 1.0);
  const auto ceiling = static_cast<double>(backoff_ceiling(attempt).count());
  return milliseconds{static_cast<milliseconds::rep>(ceiling * fraction)};
}

NextStep after_attempt(int attempt, int http_status, double random_fraction) {
  switch (classify_attempt(http_status)) {
    case AttemptOutcome::kSucceeded:
      return {DeliveryState::kDelivered, milliseconds{0}};
    case AttemptOutcome::kGone:
      return {DeliveryState::kEndpointGone, milliseconds{0}};
    case AttemptOutcome::kFailed:
      break;
  }
  if (attempt >= kMaxAttempts) return {DeliveryState::kGivenUp, milliseconds{0}};
  return {DeliveryState::kRetrying, delay_before_attempt(attempt + 1, random_fraction)};
}

SubscriptionHealth after_delivery(SubscriptionHealth health, DeliveryState final_state) {
  switch (final_state) {
    case DeliveryState::kDelivered:
      health.consecutive_failed_deliveries = 0;
      break;
    case DeliveryState::kGivenUp:
      ++health.consecutive_failed_deliveries;
      if (health.consecutive_failed_deliveries >= kDisableAfterFailedDeliveries) {
        health.disabled = true;
      }
      break;
    case DeliveryState::kEndpointGone:
      health.disabled = true;
      break;
    case DeliveryState::kRetrying:
      break;
  }
  return health;
}

}  // namespace shop::notification::webhook
