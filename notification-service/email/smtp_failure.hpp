#pragma once
// Which failed SMTP deliveries are worth another try. A relay that is down, slow or
// answers 4xx may take the same mail later; a 5xx answer (unknown recipient, policy,
// bad credentials) will not change, so retrying only repeats it.

#include <string>

#include "common/errors.hpp"

namespace shop::notification::email {

// How one SMTP transaction ended, as the client saw it.
struct SmtpFailure {
  long reply_code = 0;             // the relay's last reply; 0 when it never answered
  bool timed_out = false;          // the connect or the whole transaction took too long
  bool connection_failed = false;  // no connection, or it broke (refused, reset, TLS)
  std::string detail{};            // for the log
};

// 5xx: kBadRequest (permanent). 4xx or a failed connection: kUnavailable, a timeout:
// kDeadlineExceeded (both retryable). Anything else, such as a relay that speaks no
// SMTP: kInternal.
common::Error smtp_failure_error(const SmtpFailure& failure);

// Whether another attempt at the same mail may succeed: kUnavailable, kDeadlineExceeded.
bool is_retryable(const common::Error& error);

}  // namespace shop::notification::email
