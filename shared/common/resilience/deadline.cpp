#include "common/resilience/deadline.hpp"

#include <algorithm>
#include <array>
#include <charconv>

namespace shop::common::resilience {
namespace {

// now + timeout, saturating instead of overflowing for huge timeouts.
Clock::TimePoint saturating_add(Clock::TimePoint now, Clock::Duration timeout) {
  if (timeout > Clock::TimePoint::max() - now) {
    return Clock::TimePoint::max();
  }
  return now + timeout;
}

constexpr std::int64_t kMaxGrpcDigits = 99'999'999;

}  // namespace

Deadline Deadline::infinite(const Clock& clock) { return Deadline(Clock::TimePoint::max(), clock); }

Deadline Deadline::at(Clock::TimePoint when, const Clock& clock) { return Deadline(when, clock); }

Deadline Deadline::after(Clock::Duration timeout, const Clock& clock) {
  return Deadline(saturating_add(clock.now(), timeout), clock);
}

Deadline Deadline::from_timeout_ms(std::int64_t milliseconds, const Clock& clock) {
  return after(std::chrono::milliseconds(std::max<std::int64_t>(milliseconds, 0)), clock);
}

Clock::Duration Deadline::remaining() const {
  if (is_infinite()) {
    return Clock::Duration::max();
  }
  return std::max(Clock::Duration::zero(), when_ - clock_->now());
}

bool Deadline::expired() const { return !is_infinite() && clock_->now() >= when_; }

Deadline Deadline::within(Clock::Duration per_hop_timeout) const {
  return std::min(*this, after(per_hop_timeout, *clock_));
}

std::optional<std::int64_t> Deadline::to_timeout_ms() const {
  if (is_infinite()) {
    return std::nullopt;
  }
  return std::chrono::ceil<std::chrono::milliseconds>(remaining()).count();
}

std::optional<std::string> Deadline::to_grpc_timeout_header() const {
  const std::optional<std::int64_t> millis = to_timeout_ms();
  if (!millis) {
    return std::nullopt;
  }
  struct Unit {
    char symbol;
    std::int64_t millis;
  };
  constexpr std::array<Unit, 4> kUnits{{{'m', 1}, {'S', 1000}, {'M', 60'000}, {'H', 3'600'000}}};
  for (const Unit& unit : kUnits) {
    // Round up so the callee never sees less time than the caller grants.
    const std::int64_t amount = (*millis + unit.millis - 1) / unit.millis;
    if (amount <= kMaxGrpcDigits) {
      return std::to_string(amount) + unit.symbol;
    }
  }
  return std::to_string(kMaxGrpcDigits) + 'H';
}

std::optional<Deadline> Deadline::from_grpc_timeout_header(std::string_view value,
                                                           const Clock& clock) {
  if (value.size() < 2 || value.size() > 9) {
    return std::nullopt;
  }
  const std::string_view digits = value.substr(0, value.size() - 1);
  std::int64_t amount = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), amount);
  if (ec != std::errc() || end != digits.data() + digits.size() || amount < 0) {
    return std::nullopt;
  }
  std::int64_t unit_nanos = 0;
  switch (value.back()) {
    case 'H':
      unit_nanos = 3'600'000'000'000;
      break;
    case 'M':
      unit_nanos = 60'000'000'000;
      break;
    case 'S':
      unit_nanos = 1'000'000'000;
      break;
    case 'm':
      unit_nanos = 1'000'000;
      break;
    case 'u':
      unit_nanos = 1'000;
      break;
    case 'n':
      unit_nanos = 1;
      break;
    default:
      return std::nullopt;
  }
  // 99999999 hours does not fit in nanoseconds; such a timeout means "no deadline".
  using Nanos = std::chrono::nanoseconds;
  if (amount > Nanos::max().count() / unit_nanos) {
    return infinite(clock);
  }
  const auto timeout = std::chrono::duration_cast<Clock::Duration>(Nanos(amount * unit_nanos));
  return after(timeout, clock);
}

}  // namespace shop::common::resilience
