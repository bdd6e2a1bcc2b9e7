#include "common/mq/retry_policy.hpp"

#include <algorithm>

#include "common/resilience/backoff.hpp"

namespace shop::common::mq {

RetryPolicy normalised(RetryPolicy policy) {
  policy.max_attempts = std::max(policy.max_attempts, 1);
  policy.base = std::max(policy.base, std::chrono::milliseconds(1));
  policy.cap = std::max(policy.cap, policy.base);
  return policy;
}

std::chrono::milliseconds retry_delay(const RetryPolicy& policy, int attempt) {
  const RetryPolicy p = normalised(policy);
  // Backoff's ceiling is exactly the un-jittered exponential schedule.
  const resilience::Backoff schedule(
      {.base = p.base, .cap = p.cap, .max_attempts = p.max_attempts});
  return schedule.ceiling(std::max(attempt, 1) - 1);
}

std::vector<std::chrono::milliseconds> retry_delays(const RetryPolicy& policy) {
  const RetryPolicy p = normalised(policy);
  std::vector<std::chrono::milliseconds> delays;
  for (int attempt = 1; attempt < p.max_attempts; ++attempt) {
    const auto delay = retry_delay(p, attempt);
    if (delays.empty() || delays.back() != delay) delays.push_back(delay);
    if (delay == p.cap) break;
  }
  return delays;
}

Disposition decide(const RetryPolicy& policy, Outcome outcome, int attempt) {
  const RetryPolicy p = normalised(policy);
  switch (outcome) {
    case Outcome::kSuccess:
      return {};
    case Outcome::kReject:
      return {Disposition::Kind::kDeadLetter, {}, "rejected by the handler"};
    case Outcome::kRetryLater:
      break;
  }
  if (attempt >= p.max_attempts) {
    return {Disposition::Kind::kDeadLetter,
            {},
            "gave up after " + std::to_string(attempt) + " attempts"};
  }
  return {Disposition::Kind::kRetry, retry_delay(p, attempt), {}};
}

Disposition malformed(std::string problem) {
  return {Disposition::Kind::kDeadLetter, {}, "malformed: " + std::move(problem)};
}

}  // namespace shop::common::mq
