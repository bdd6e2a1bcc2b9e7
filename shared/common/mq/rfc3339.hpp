#pragma once
// RFC 3339 timestamps, the form CloudEvents gives `time`. Written in UTC with
// milliseconds ("2024-05-01T12:00:00.123Z"); read strictly, any offset and up to
// nanoseconds accepted.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace shop::common::mq {

std::string format_rfc3339(std::chrono::system_clock::time_point time);

// nullopt unless `text` is exactly date "T" time [fraction] ("Z" | ±hh:mm), with a real
// calendar date. Leap seconds (second 60) are refused: nothing here produces them.
std::optional<std::chrono::system_clock::time_point> parse_rfc3339(std::string_view text);

}  // namespace shop::common::mq
