#pragma once
// A manually advanced clock for tests. It starts far from the steady_clock epoch so
// that code subtracting durations from "now" never underflows.

#include <atomic>
#include <chrono>

#include "common/resilience/clock.hpp"

namespace shop::common::resilience {

class FakeClock final : public Clock {
 public:
  FakeClock() = default;
  explicit FakeClock(TimePoint start) : ticks_(start.time_since_epoch().count()) {}

  // Clock
  TimePoint now() const override { return TimePoint(Duration(ticks_.load())); }

  void advance(Duration by) { ticks_.fetch_add(by.count()); }
  void set(TimePoint to) { ticks_.store(to.time_since_epoch().count()); }

 private:
  // Atomic so a test may advance time while worker threads read it.
  std::atomic<Duration::rep> ticks_{
      std::chrono::duration_cast<Duration>(std::chrono::hours(1000)).count()};
};

}  // namespace shop::common::resilience
