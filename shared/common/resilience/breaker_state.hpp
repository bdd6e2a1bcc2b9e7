#pragma once
// Kept apart from circuit_breaker.hpp so metrics can name the states without
// pulling in the breaker itself.

#include <string_view>

namespace shop::common::resilience {

enum class BreakerState { kClosed, kOpen, kHalfOpen };

constexpr std::string_view to_string(BreakerState state) {
  switch (state) {
    case BreakerState::kClosed:
      return "closed";
    case BreakerState::kOpen:
      return "open";
    case BreakerState::kHalfOpen:
      return "half_open";
  }
  return "unknown";
}

}  // namespace shop::common::resilience
