#pragma once
// A circuit breaker for one upstream instance.
//
//   closed    -- N consecutive failures, or failure rate >= R over >= M calls --> open
//   open      -- open_duration elapsed, on the next allow()                   --> half_open
//   half_open -- half_open_probes successes                                   --> closed
//   half_open -- any failure                                                  --> open
//
// While half-open only half_open_probes calls are admitted at a time. A probe whose
// outcome is never recorded (its caller was cancelled) would keep the breaker
// half-open forever, so unanswered probe slots are handed out again after another
// open_duration.
//
// Thread-safe. Outcomes of calls admitted before the breaker opened are ignored
// while it is open, so a burst of late failures does not extend the cool-down.

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>

#include "common/resilience/breaker_state.hpp"
#include "common/resilience/clock.hpp"
#include "common/resilience/sliding_window.hpp"

namespace shop::common::resilience {

struct CircuitBreakerConfig {
  int consecutive_failures = 5;  // 0 disables this trigger
  double failure_rate = 0.5;     // in (0, 1]; 0 disables this trigger
  int minimum_calls = 20;        // calls in the window before the rate counts
  std::chrono::milliseconds window{std::chrono::seconds(10)};
  int window_buckets = 10;
  std::chrono::milliseconds open_duration{std::chrono::seconds(5)};
  int half_open_probes = 1;
};

class CircuitBreaker {
 public:
  // Called with the breaker's lock held, in transition order, so a gauge set from
  // it never shows a stale state. It must be quick and must not call back into
  // this breaker.
  using StateListener = std::function<void(BreakerState from, BreakerState to)>;

  explicit CircuitBreaker(CircuitBreakerConfig config, const Clock& clock = system_clock(),
                          StateListener listener = {});

  // True if a call may go out now; in half-open the caller holds a probe slot and
  // must report the outcome with record_success() or record_failure().
  bool allow();

  void record_success();
  void record_failure();

  // The stored state; an open breaker whose cool-down has passed still reads open
  // until the next allow() moves it to half-open.
  BreakerState state() const;

  const CircuitBreakerConfig& config() const { return config_; }

 private:
  void transition(BreakerState to, Clock::TimePoint now);
  bool rate_tripped(Clock::TimePoint now) const;

  const CircuitBreakerConfig config_;
  const Clock& clock_;
  const StateListener listener_;

  mutable std::mutex mutex_;
  BreakerState state_ = BreakerState::kClosed;
  Clock::TimePoint changed_at_;  // when the current state was entered
  int consecutive_failures_ = 0;
  SlidingWindow calls_;  // count = calls, marked = failures; used while closed
  int probes_in_flight_ = 0;
  int probe_successes_ = 0;
  Clock::TimePoint last_probe_at_;
};

}  // namespace shop::common::resilience
