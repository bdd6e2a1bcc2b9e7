// rfc5322_date: day and month names, zero padding, UTC, whole seconds.
#include "email/rfc5322_date.hpp"

#include <gtest/gtest.h>

namespace shop::notification::email {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

TEST(Rfc5322DateTest, FormatsInUtcWithWholeSeconds) {
  EXPECT_EQ(rfc5322_date(system_clock::time_point{}), "Thu, 01 Jan 1970 00:00:00 +0000");
  EXPECT_EQ(rfc5322_date(sys_days{2024y / February / 29d} + 9h + 5min + 7s + 999ms),
            "Thu, 29 Feb 2024 09:05:07 +0000");
  EXPECT_EQ(rfc5322_date(sys_days{2026y / December / 31d} + 23h + 59min + 59s),
            "Thu, 31 Dec 2026 23:59:59 +0000");
}

}  // namespace
}  // namespace shop::notification::email
