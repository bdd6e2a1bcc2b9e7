#include "common/resilience/circuit_breaker.hpp"

#include <algorithm>
#include <utility>

namespace shop::common::resilience {
namespace {

CircuitBreakerConfig normalised(CircuitBreakerConfig config) {
  config.consecutive_failures = std::max(config.consecutive_failures, 0);
  config.failure_rate = std::clamp(config.failure_rate, 0.0, 1.0);
  config.minimum_calls = std::max(config.minimum_calls, 1);
  config.window = std::max(config.window, std::chrono::milliseconds(1));
  config.window_buckets = std::max(config.window_buckets, 1);
  config.open_duration = std::max(config.open_duration, std::chrono::milliseconds(0));
  config.half_open_probes = std::max(config.half_open_probes, 1);
  return config;
}

}  // namespace

CircuitBreaker::CircuitBreaker(CircuitBreakerConfig config, const Clock& clock,
                               StateListener listener)
    : config_(normalised(config)),
      clock_(clock),
      listener_(std::move(listener)),
      changed_at_(clock.now()),
      calls_(config_.window, config_.window_buckets, changed_at_) {}

bool CircuitBreaker::allow() {
  const auto now = clock_.now();
  std::lock_guard lock(mutex_);
  switch (state_) {
    case BreakerState::kClosed:
      return true;
    case BreakerState::kOpen:
      if (now - changed_at_ < config_.open_duration) {
        return false;
      }
      transition(BreakerState::kHalfOpen, now);
      break;
    case BreakerState::kHalfOpen:
      break;
  }
  if (probes_in_flight_ >= config_.half_open_probes) {
    if (now - last_probe_at_ < config_.open_duration) {
      return false;
    }
    // The probes out there have gone unanswered for a whole cool-down: treat them as
    // abandoned rather than stay half-open with no way to learn anything.
    probes_in_flight_ = 0;
  }
  ++probes_in_flight_;
  last_probe_at_ = now;
  return true;
}

void CircuitBreaker::record_success() {
  const auto now = clock_.now();
  std::lock_guard lock(mutex_);
  switch (state_) {
    case BreakerState::kClosed:
      consecutive_failures_ = 0;
      calls_.add(now, 1, 0);
      return;
    case BreakerState::kOpen:
      return;
    case BreakerState::kHalfOpen:
      // With no probe out, this success belongs to a call admitted while closed and
      // says nothing about whether the upstream has recovered.
      if (probes_in_flight_ == 0) {
        return;
      }
      --probes_in_flight_;
      if (++probe_successes_ >= config_.half_open_probes) {
        transition(BreakerState::kClosed, now);
      }
      return;
  }
}

void CircuitBreaker::record_failure() {
  const auto now = clock_.now();
  std::lock_guard lock(mutex_);
  switch (state_) {
    case BreakerState::kClosed:
      ++consecutive_failures_;
      calls_.add(now, 1, 1);
      if ((config_.consecutive_failures > 0 &&
           consecutive_failures_ >= config_.consecutive_failures) ||
          rate_tripped(now)) {
        transition(BreakerState::kOpen, now);
      }
      return;
    case BreakerState::kOpen:
      return;
    case BreakerState::kHalfOpen:
      transition(BreakerState::kOpen, now);
      return;
  }
}

BreakerState CircuitBreaker::state() const {
  std::lock_guard lock(mutex_);
  return state_;
}

bool CircuitBreaker::rate_tripped(Clock::TimePoint now) const {
  if (config_.failure_rate <= 0.0) {
    return false;
  }
  const SlidingWindow::Totals totals = calls_.totals(now);
  return totals.count >= config_.minimum_calls &&
         static_cast<double>(totals.marked) >=
             config_.failure_rate * static_cast<double>(totals.count);
}

void CircuitBreaker::transition(BreakerState to, Clock::TimePoint now) {
  const BreakerState from = state_;
  if (from == to) {
    return;
  }
  state_ = to;
  changed_at_ = now;
  consecutive_failures_ = 0;
  probes_in_flight_ = 0;
  probe_successes_ = 0;
  // A closed breaker starts from a clean history: failures from before it opened
  // must not trip it again straight away.
  if (to == BreakerState::kClosed) {
    calls_.reset();
  }
  if (listener_) {
    listener_(from, to);
  }
}

}  // namespace shop::common::resilience
