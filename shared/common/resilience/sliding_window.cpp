#include "common/resilience/sliding_window.hpp"

#include <algorithm>

namespace shop::common::resilience {

SlidingWindow::SlidingWindow(Clock::Duration window, int buckets, Clock::TimePoint origin)
    : origin_(origin),
      bucket_width_(std::max(Clock::Duration(1), window / std::max(1, buckets))),
      buckets_(static_cast<std::size_t>(std::max(1, buckets))) {}

std::int64_t SlidingWindow::epoch_of(Clock::TimePoint now) const {
  // Time before the origin (a clock set backwards in a test) lands in epoch 0 rather
  // than in a negative slot index.
  const auto elapsed = std::max(Clock::Duration::zero(), now - origin_);
  return elapsed / bucket_width_;
}

bool SlidingWindow::live(const Bucket& bucket, std::int64_t current_epoch) const {
  return bucket.epoch >= 0 && bucket.epoch <= current_epoch &&
         current_epoch - bucket.epoch < static_cast<std::int64_t>(buckets_.size());
}

void SlidingWindow::add(Clock::TimePoint now, std::int64_t count, std::int64_t marked) {
  const std::int64_t epoch = epoch_of(now);
  Bucket& bucket = buckets_[static_cast<std::size_t>(epoch) % buckets_.size()];
  if (bucket.epoch != epoch) {
    bucket = Bucket{epoch, {}};
  }
  bucket.totals.count += count;
  bucket.totals.marked += marked;
}

SlidingWindow::Totals SlidingWindow::totals(Clock::TimePoint now) const {
  const std::int64_t epoch = epoch_of(now);
  Totals sum;
  for (const Bucket& bucket : buckets_) {
    if (live(bucket, epoch)) {
      sum.count += bucket.totals.count;
      sum.marked += bucket.totals.marked;
    }
  }
  return sum;
}

void SlidingWindow::reset() { std::fill(buckets_.begin(), buckets_.end(), Bucket{}); }

}  // namespace shop::common::resilience
