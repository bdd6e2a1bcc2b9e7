#include "common/mq/rfc3339.hpp"

#include <cstdint>

#include "common/observability/logger.hpp"

namespace shop::common::mq {
namespace {

// Reads exactly `count` decimal digits at `pos`; nullopt when any is missing.
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t count) {
  if (pos + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

bool expect(std::string_view text, std::size_t pos, char wanted) {
  return pos < text.size() && text[pos] == wanted;
}

}  // namespace

std::string format_rfc3339(std::chrono::system_clock::time_point time) {
  return obs::format_timestamp(time);
}

std::optional<std::chrono::system_clock::time_point> parse_rfc3339(std::string_view text) {
  using namespace std::chrono;
  // 2024-05-01T12:00:00
  const auto year = digits(text, 0, 4);
  const auto month = digits(text, 5, 2);
  const auto day = digits(text, 8, 2);
  const auto hour = digits(text, 11, 2);
  const auto minute = digits(text, 14, 2);
  const auto second = digits(text, 17, 2);
  if (!year || !month || !day || !hour || !minute || !second) return std::nullopt;
  if (!expect(text, 4, '-') || !expect(text, 7, '-') || !expect(text, 10, 'T') ||
      !expect(text, 13, ':') || !expect(text, 16, ':')) {
    return std::nullopt;
  }
  const year_month_day date{std::chrono::year(*year), std::chrono::month(*month),
                            std::chrono::day(*day)};
  if (!date.ok() || *hour > 23 || *minute > 59 || *second > 59) return std::nullopt;

  std::size_t pos = 19;
  nanoseconds fraction{0};
  if (expect(text, pos, '.')) {
    ++pos;
    const std::size_t start = pos;
    std::int64_t value = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (pos - start < 9) value = value * 10 + (text[pos] - '0');
      ++pos;
    }
    const std::size_t count = pos - start;
    if (count == 0) return std::nullopt;
    for (std::size_t i = count; i < 9; ++i) value *= 10;
    fraction = nanoseconds(value);
  }

  minutes offset{0};
  if (expect(text, pos, 'Z')) {
    ++pos;
  } else if (expect(text, pos, '+') || expect(text, pos, '-')) {
    const bool behind = text[pos] == '-';
    const auto offset_hours = digits(text, pos + 1, 2);
    const auto offset_minutes = digits(text, pos + 4, 2);
    if (!offset_hours || !offset_minutes || !expect(text, pos + 3, ':') || *offset_hours > 23 ||
        *offset_minutes > 59) {
      return std::nullopt;
    }
    offset = hours(*offset_hours) + minutes(*offset_minutes);
    if (behind) offset = -offset;
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;

  const auto local = sys_days(date) + hours(*hour) + minutes(*minute) + seconds(*second) + fraction;
  return time_point_cast<system_clock::duration>(local - offset);
}

}  // namespace shop::common::mq
