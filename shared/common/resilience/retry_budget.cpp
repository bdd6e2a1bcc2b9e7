#include "common/resilience/retry_budget.hpp"

#include <algorithm>
#include <cmath>

namespace shop::common::resilience {
namespace {

// Ratios such as 0.1 are inexact in binary; without slack, 10 requests at 10% could
// compute to 0.999... retries and refuse the one the configuration promises.
constexpr double kSlack = 1e-9;

RetryBudgetConfig normalised(RetryBudgetConfig config) {
  config.window = std::max(config.window, std::chrono::milliseconds(1));
  config.ratio = std::max(config.ratio, 0.0);
  config.min_retries_per_second = std::max(config.min_retries_per_second, 0.0);
  config.buckets = std::max(config.buckets, 1);
  return config;
}

}  // namespace

RetryBudget::RetryBudget(RetryBudgetConfig config, const Clock& clock)
    : config_(normalised(config)),
      clock_(clock),
      reserve_(config_.min_retries_per_second *
               std::chrono::duration<double>(config_.window).count()),
      window_(config_.window, config_.buckets, clock.now()) {}

double RetryBudget::allowance(const SlidingWindow::Totals& totals) const {
  return config_.ratio * static_cast<double>(totals.count) + reserve_ -
         static_cast<double>(totals.marked);
}

void RetryBudget::record_request() {
  const auto now = clock_.now();
  std::lock_guard lock(mutex_);
  window_.add(now, 1, 0);
}

bool RetryBudget::try_spend_retry() {
  const auto now = clock_.now();
  std::lock_guard lock(mutex_);
  if (allowance(window_.totals(now)) + kSlack < 1.0) {
    return false;
  }
  window_.add(now, 0, 1);
  return true;
}

std::int64_t RetryBudget::available() const {
  const auto now = clock_.now();
  std::lock_guard lock(mutex_);
  return std::max<std::int64_t>(
      0, static_cast<std::int64_t>(std::floor(allowance(window_.totals(now)) + kSlack)));
}

}  // namespace shop::common::resilience
