#pragma once
// A retry budget caps retries to a fraction of recent traffic (as in Finagle and
// gRPC retry throttling), so that retries cannot multiply load on an upstream that
// is already failing. A small per-second reserve keeps retries possible at low
// traffic, where a pure ratio would forbid almost all of them.
//
// Thread-safe: one budget is shared by every call to an upstream.

#include <chrono>
#include <cstdint>
#include <mutex>

#include "common/resilience/clock.hpp"
#include "common/resilience/sliding_window.hpp"

namespace shop::common::resilience {

struct RetryBudgetConfig {
  std::chrono::milliseconds window{std::chrono::seconds(10)};
  double ratio = 0.2;                 // retries allowed per original request
  double min_retries_per_second = 1;  // reserve granted regardless of traffic
  int buckets = 10;                   // resolution of the sliding window
};

class RetryBudget {
 public:
  explicit RetryBudget(RetryBudgetConfig config, const Clock& clock = system_clock());

  // Counts one original request (not a retry) towards the budget.
  void record_request();

  // Spends one retry if the window allows it: retries + 1 <= ratio * requests +
  // reserve. Returns false, spending nothing, when the budget is exhausted.
  bool try_spend_retry();

  // Retries the budget would currently allow; never negative.
  std::int64_t available() const;

  const RetryBudgetConfig& config() const { return config_; }

 private:
  double allowance(const SlidingWindow::Totals& totals) const;

  const RetryBudgetConfig config_;
  const Clock& clock_;
  const double reserve_;
  mutable std::mutex mutex_;
  SlidingWindow window_;  // count = requests, marked = retries
};

}  // namespace shop::common::resilience
