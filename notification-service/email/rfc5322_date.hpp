#pragma once
// The Date header's format (RFC 5322 section 3.3).

#include <chrono>
#include <string>

namespace shop::notification::email {

// "Tue, 07 Nov 2026 23:37:21 +0000": in UTC, whole seconds.
std::string rfc5322_date(std::chrono::system_clock::time_point when);

}  // namespace shop::notification::email
