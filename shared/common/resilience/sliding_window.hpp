#pragma once
// Counts events over the most recent `window` of time in fixed buckets, so memory
// stays constant and old events age out without per-event bookkeeping. The oldest
// bucket is dropped whole, so the effective window is between window - window/buckets
// and window. Not thread-safe: owners serialise access.

#include <cstdint>
#include <vector>

#include "common/resilience/clock.hpp"

namespace shop::common::resilience {

class SlidingWindow {
 public:
  // `count` is how many events happened, `marked` how many of them (or beside them)
  // carry the property of interest: failures for a breaker, retries for a budget.
  struct Totals {
    std::int64_t count = 0;
    std::int64_t marked = 0;
  };

  // A window shorter than `buckets` ticks or fewer than one bucket is widened to the
  // smallest usable shape instead of failing.
  SlidingWindow(Clock::Duration window, int buckets, Clock::TimePoint origin);

  void add(Clock::TimePoint now, std::int64_t count, std::int64_t marked);
  Totals totals(Clock::TimePoint now) const;
  void reset();

  Clock::Duration window() const { return bucket_width_ * static_cast<int>(buckets_.size()); }

 private:
  struct Bucket {
    std::int64_t epoch = -1;  // bucket_width_-sized ticks since origin_
    Totals totals;
  };

  std::int64_t epoch_of(Clock::TimePoint now) const;
  bool live(const Bucket& bucket, std::int64_t current_epoch) const;

  Clock::TimePoint origin_;
  Clock::Duration bucket_width_;
  std::vector<Bucket> buckets_;
};

}  // namespace shop::common::resilience
