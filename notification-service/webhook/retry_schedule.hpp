#pragma once
// The rules for retrying webhook deliveries and disabling failing subscriptions. Pure
// functions of their inputs (the random jitter fraction included), so they are tested
// without clocks, randomness or servers.

#include <chrono>

namespace shop::notification::webhook {

// Attempt 1 goes out at once; attempt n waits up to kFirstRetryDelay * 2^(n-2), capped at
// kMaxRetryDelay. Twelve attempts reach the cap and span about two and a half hours at most.
inline constexpr int kMaxAttempts = 12;
inline constexpr std::chrono::seconds kFirstRetryDelay{5};
inline constexpr std::chrono::seconds kMaxRetryDelay{3600};

// Counted in given-up deliveries, not attempts: each already retried for hours, so five in
// a row mean the endpoint is gone rather than that a burst of events met a short outage.
inline constexpr int kDisableAfterFailedDeliveries = 5;

enum class AttemptOutcome {
  kSucceeded,  // any 2xx
  kFailed,     // transport error (status 0), 1xx, 3xx, 4xx and 5xx other than 410: retried
  kGone,       // 410 Gone: the receiver asks us to stop
};

AttemptOutcome classify_attempt(int http_status);

// The upper bound of the wait before attempt `attempt` (1-based); zero for the first.
std::chrono::milliseconds backoff_ceiling(int attempt);

// Full jitter: `random_fraction` (clamped to [0, 1]) of the ceiling, so the retries of many
// deliveries that failed together do not return together.
std::chrono::milliseconds delay_before_attempt(int attempt, double random_fraction);

enum class DeliveryState {
  kDelivered,
  kRetrying,      // wait NextStep::retry_in, then make the next attempt
  kGivenUp,       // kMaxAttempts failed
  kEndpointGone,  // 410: give up and disable the subscription at once
};

struct NextStep {
  DeliveryState state = DeliveryState::kRetrying;
  std::chrono::milliseconds retry_in{0};
  bool operator==(const NextStep&) const = default;
};

// What follows attempt number `attempt` answered with `http_status` (0: transport error).
NextStep after_attempt(int attempt, int http_status, double random_fraction);

struct SubscriptionHealth {
  int consecutive_failed_deliveries = 0;
  bool disabled = false;
  bool operator==(const SubscriptionHealth&) const = default;
};

// Folds a delivery's final state into its subscription's health: a delivery resets the
// count, a given-up one adds to it until kDisableAfterFailedDeliveries disables, and
// kEndpointGone disables at once. kRetrying is not final and changes nothing.
SubscriptionHealth after_delivery(SubscriptionHealth health, DeliveryState final_state);

}  // namespace shop::notification::webhook
