// RFC 5322 date-time in UTC; see rfc5322_date.hpp.
#include "email/rfc5322_date.hpp"

#include <array>
#include <cstdio>
#include <string_view>

namespace shop::notification::email {
namespace {

constexpr std::array<std::string_view, 7> kWeekdays = {"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

std::string rfc5322_date(std::chrono::system_clock::time_point when) {
  using namespace std::chrono;
  const auto day = floor<days>(when);
  const year_month_day date{day};
  const hh_mm_ss time{floor<seconds>(when - day)};
  const std::string_view weekday_name = kWeekdays[weekday{day}.c_encoding()];
  const std::string_view month_name = kMonths[static_cast<unsigned>(date.month()) - 1];

  std::array<char, 40> buffer{};
  const int length = std::snprintf(
      buffer.data(), buffer.size(), "%.3s, %02u %.3s %04d %02d:%02d:%02d +0000",
      weekday_name.data(), static_cast<unsigned>(date.day()), month_name.data(),
      static_cast<int>(date.year()), static_cast<int>(time.hours().count()),
      static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
  return {buffer.data(), static_cast<std::size_t>(length)};
}

}  // namespace shop::notification::email
