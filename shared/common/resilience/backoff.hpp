#pragma once
// Exponential backoff with full jitter: the delay before retry n (0-based) is drawn
// uniformly from [0, min(cap, base * 2^n)). Full jitter spreads synchronised clients
// apart better than equal or decorrelated jitter, at the same mean load.

#include <chrono>
#include <optional>

#include "common/resilience/random.hpp"

namespace shop::common::resilience {

struct BackoffConfig {
  std::chrono::milliseconds base{25};
  std::chrono::milliseconds cap{1000};
  // Total attempts including the first call, as in gRPC's retry policy; 1 = no retry.
  int max_attempts = 3;
};

class Backoff {
 public:
  // Out-of-range settings are raised to the nearest usable value (base >= 1ms,
  // cap >= base, max_attempts >= 1) so a misconfigured caller still calls once.
  explicit Backoff(BackoffConfig config, UniformRandom random = thread_local_uniform);

  // The upper bound of the jitter range before retry `retry` (0-based).
  std::chrono::milliseconds ceiling(int retry) const;

  // A jittered delay before retry `retry` (0-based), in [0, ceiling(retry)).
  std::chrono::milliseconds delay(int retry) const;

  // After `attempts_made` calls (>= 1) have failed: the wait before the next one, or
  // nullopt once max_attempts calls have been made.
  std::optional<std::chrono::milliseconds> next_delay(int attempts_made) const;

  const BackoffConfig& config() const { return config_; }

 private:
  BackoffConfig config_;
  UniformRandom random_;
};

}  // namespace shop::common::resilience
