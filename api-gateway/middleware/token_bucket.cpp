#include "middleware/token_bucket.hpp"

#include <algorithm>

namespace shop::gateway::middleware {
namespace {

std::int64_t ceil_div(std::int64_t numerator, std::int64_t denominator) {
  return (numerator + denominator - 1) / denominator;
}

void refill(BucketState& state, const BucketLimit& limit, std::int64_t now_ms) {
  if (now_ms <= state.updated_ms) return;
  const std::int64_t missing = limit.capacity_units() - state.units;
  // Bounded first, so a bucket untouched for years cannot overflow the product.
  const std::int64_t elapsed =
      std::min(now_ms - state.updated_ms,
               ceil_div(std::max<std::int64_t>(missing, 0), limit.units_per_ms()));
  state.units = std::min(limit.capacity_units(), state.units + elapsed * limit.units_per_ms());
  state.updated_ms = now_ms;
}

}  // namespace

BucketLimit BucketLimit::per_minute(std::int64_t n) {
  return {.capacity = n, .tokens_per_period = n, .period = std::chrono::minutes(1)};
}

BucketState BucketState::full(const BucketLimit& limit, std::int64_t now_ms) {
  return {.units = limit.capacity_units(), .updated_ms = now_ms};
}

Decision take_token(BucketState& state, const BucketLimit& limit, std::int64_t now_ms) {
  refill(state, limit, now_ms);
  Decision decision;
  decision.limit = limit.capacity;
  decision.allowed = state.units >= limit.units_per_token();
  if (decision.allowed) {
    state.units -= limit.units_per_token();
  } else {
    decision.retry_after = std::chrono::milliseconds(
        ceil_div(limit.units_per_token() - state.units, limit.units_per_ms()));
  }
  decision.remaining = state.units / limit.units_per_token();
  decision.reset = std::chrono::milliseconds(
      ceil_div(limit.capacity_units() - state.units, limit.units_per_ms()));
  return decision;
}

}  // namespace shop::gateway::middleware
