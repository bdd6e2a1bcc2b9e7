// Classifies failed SMTP deliveries; see smtp_failure.hpp.
#include "email/smtp_failure.hpp"

namespace shop::notification::email {
namespace {

bool in_class(long reply_code, long hundreds) { return reply_code / 100 == hundreds; }

}  // namespace

common::Error smtp_failure_error(const SmtpFailure& failure) {
  // The reply decides first: a relay that answered 5xx and then dropped the connection
  // still refused the mail.
  if (in_class(failure.reply_code, 5)) {
    return {common::ErrorCode::kBadRequest,
            "the mail relay refused the mail for good: " + failure.detail,
            {}};
  }
  if (in_class(failure.reply_code, 4)) {
    return common::Error::unavailable("the mail relay deferred the mail: " + failure.detail);
  }
  if (failure.timed_out) {
    return common::Error::deadline_exceeded("the mail relay did not answer in time: " +
                                            failure.detail);
  }
  if (failure.connection_failed) {
    return common::Error::unavailable("the mail relay is unreachable: " + failure.detail);
  }
  return common::Error::internal("the mail could not be sent: " + failure.detail);
}

bool is_retryable(const common::Error& error) {
  return error.code == common::ErrorCode::kUnavailable ||
         error.code == common::ErrorCode::kDeadlineExceeded;
}

}  // namespace shop::notification::email
