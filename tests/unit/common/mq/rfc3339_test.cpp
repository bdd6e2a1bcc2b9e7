#include "common/mq/rfc3339.hpp"

#include <gtest/gtest.h>

namespace shop::common::mq {
namespace {

using std::chrono::sys_days;
using namespace std::chrono_literals;

constexpr auto kMay1 = sys_days(std::chrono::year(2024) / 5 / 1);

TEST(Rfc3339Test, FormatsUtcWithMilliseconds) {
  EXPECT_EQ(format_rfc3339(kMay1 + 12h + 3min + 4s + 56ms), "2024-05-01T12:03:04.056Z");
}

TEST(Rfc3339Test, ParsesWhatItFormats) {
  const auto time = std::chrono::system_clock::time_point(kMay1 + 23h + 59min + 59s + 999ms);
  EXPECT_EQ(parse_rfc3339(format_rfc3339(time)), time);
}

TEST(Rfc3339Test, AppliesOffsets) {
  EXPECT_EQ(parse_rfc3339("2024-05-01T14:00:00+02:00"), kMay1 + 12h);
  EXPECT_EQ(parse_rfc3339("2024-05-01T07:30:00-04:30"), kMay1 + 12h);
  EXPECT_EQ(parse_rfc3339("2024-05-01T00:00:00Z"), kMay1);
}

TEST(Rfc3339Test, ReadsFractionsUpToNanoseconds) {
  EXPECT_EQ(parse_rfc3339("2024-05-01T00:00:00.5Z"), kMay1 + 500ms);
  EXPECT_EQ(parse_rfc3339("2024-05-01T00:00:00.000001Z"), kMay1 + 1us);
  EXPECT_EQ(parse_rfc3339("2024-05-01T00:00:00.123456789Z"), kMay1 + 123456789ns);
}

TEST(Rfc3339Test, RefusesAnythingElse) {
  for (const char* bad : {
           "", "2024-05-01",
           "2024-05-01 12:00:00Z",       // space instead of T
           "2024-05-01T12:00:00",        // no offset
           "2024-05-01T12:00:00z",       // lowercase zone
           "2024-02-30T12:00:00Z",       // no such day
           "2023-02-29T12:00:00Z",       // not a leap year
           "2024-13-01T12:00:00Z",       // no such month
           "2024-05-01T24:00:00Z",       // hour out of range
           "2024-05-01T12:60:00Z",       // minute out of range
           "2024-05-01T12:00:60Z",       // leap second
           "2024-05-01T12:00:00.Z",      // empty fraction
           "2024-05-01T12:00:00+0200",   // offset without colon
           "2024-05-01T12:00:00+24:00",  // offset out of range
           "2024-05-01T12:00:00Z ",      // trailing space
           "24-05-01T12:00:00Z",         // short year
           "2024-5-01T12:00:00Z",        // short month
       }) {
    EXPECT_FALSE(parse_rfc3339(bad)) << bad;
  }
}

}  // namespace
}  // namespace shop::common::mq
