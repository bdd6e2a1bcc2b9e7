#pragma once
// Every time-dependent rule in this folder reads time through Clock, so tests drive
// time by hand and never sleep.

#include <chrono>

namespace shop::common::resilience {

class Clock {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;
  using Duration = std::chrono::steady_clock::duration;

  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
 public:
  // Clock
  TimePoint now() const override { return std::chrono::steady_clock::now(); }
};

// A process-wide SystemClock, the default wherever a clock is optional.
const Clock& system_clock();

}  // namespace shop::common::resilience
