#pragma once
// A Deadline is an absolute point on a Clock, passed down a call chain so each hop
// spends only what is left. A hop narrows it with its own timeout (within()), and it
// crosses process boundaries as a relative timeout in milliseconds (gRPC's
// `grpc-timeout`, or an HTTP header), because steady clocks of two hosts share no
// epoch.
//
// The clock is held by pointer: it must outlive every Deadline made from it.

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/resilience/clock.hpp"

namespace shop::common::resilience {

class Deadline {
 public:
  // No deadline at all.
  Deadline() = default;

  static Deadline infinite(const Clock& clock = system_clock());
  static Deadline at(Clock::TimePoint when, const Clock& clock = system_clock());
  static Deadline after(Clock::Duration timeout, const Clock& clock = system_clock());
  // Zero or negative values give an already expired deadline.
  static Deadline from_timeout_ms(std::int64_t milliseconds, const Clock& clock = system_clock());

  bool is_infinite() const { return when_ == Clock::TimePoint::max(); }
  Clock::TimePoint time_point() const { return when_; }

  // Zero once expired; Clock::Duration::max() for an infinite deadline.
  Clock::Duration remaining() const;
  bool expired() const;

  // The earlier of this deadline and now + per_hop_timeout.
  Deadline within(Clock::Duration per_hop_timeout) const;

  // Remaining time rounded up, so a deadline that has not expired never reads as 0;
  // nullopt for an infinite deadline.
  std::optional<std::int64_t> to_timeout_ms() const;

  // gRPC's wire form of a timeout: up to 8 digits and a unit (H, M, S, m, u, n).
  // The encoder uses milliseconds, switching to coarser units beyond 8 digits.
  std::optional<std::string> to_grpc_timeout_header() const;
  static std::optional<Deadline> from_grpc_timeout_header(std::string_view value,
                                                          const Clock& clock = system_clock());

  // Deadlines order by time point, so std::min(parent, child) picks the tighter one.
  friend bool operator==(const Deadline& a, const Deadline& b) { return a.when_ == b.when_; }
  friend std::strong_ordering operator<=>(const Deadline& a, const Deadline& b) {
    return a.when_ <=> b.when_;
  }

 private:
  Deadline(Clock::TimePoint when, const Clock& clock) : when_(when), clock_(&clock) {}

  Clock::TimePoint when_ = Clock::TimePoint::max();
  const Clock* clock_ = &system_clock();
};

}  // namespace shop::common::resilience
