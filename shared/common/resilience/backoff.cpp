#include "common/resilience/backoff.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace shop::common::resilience {
namespace {

BackoffConfig normalised(BackoffConfig config) {
  config.base = std::max(config.base, std::chrono::milliseconds(1));
  config.cap = std::max(config.cap, config.base);
  config.max_attempts = std::max(config.max_attempts, 1);
  return config;
}

}  // namespace

Backoff::Backoff(BackoffConfig config, UniformRandom random)
    : config_(normalised(config)), random_(std::move(random)) {}

std::chrono::milliseconds Backoff::ceiling(int retry) const {
  // Doubling stops as soon as the cap is reached, so large retry numbers cannot
  // overflow the tick count.
  std::chrono::milliseconds bound = config_.base;
  for (int i = 0; i < retry && bound < config_.cap; ++i) {
    bound *= 2;
  }
  return std::min(bound, config_.cap);
}

std::chrono::milliseconds Backoff::delay(int retry) const {
  const std::chrono::milliseconds bound = ceiling(retry);
  // A misbehaving source must not push the delay outside [0, bound).
  const double unit = std::clamp(random_ ? random_() : 0.0, 0.0, 1.0);
  const auto ticks = static_cast<std::chrono::milliseconds::rep>(
      std::floor(unit * static_cast<double>(bound.count())));
  return std::chrono::milliseconds(std::clamp<std::chrono::milliseconds::rep>(
      ticks, 0, std::max<std::chrono::milliseconds::rep>(bound.count() - 1, 0)));
}

std::optional<std::chrono::milliseconds> Backoff::next_delay(int attempts_made) const {
  if (attempts_made >= config_.max_attempts) {
    return std::nullopt;
  }
  return delay(std::max(attempts_made, 1) - 1);
}

}  // namespace shop::common::resilience
