// smtp_failure_error: temporary failures are retryable, permanent refusals are not.
#include "email/smtp_failure.hpp"

#include <gtest/gtest.h>

namespace shop::notification::email {
namespace {

using common::ErrorCode;

TEST(SmtpFailureTest, PermanentReplyIsNotRetryable) {
  const common::Error error = smtp_failure_error({.reply_code = 550, .detail = "RCPT failed: 550"});
  EXPECT_EQ(error.code, ErrorCode::kBadRequest);
  EXPECT_FALSE(is_retryable(error));
  EXPECT_NE(error.detail.find("RCPT failed: 550"), std::string::npos);
}

TEST(SmtpFailureTest, PermanentReplyWinsOverABrokenConnection) {
  EXPECT_FALSE(is_retryable(smtp_failure_error({.reply_code = 554, .connection_failed = true})));
}

TEST(SmtpFailureTest, TemporaryReplyAndTransportProblemsAreRetryable) {
  const common::Error deferred = smtp_failure_error({.reply_code = 451});
  EXPECT_EQ(deferred.code, ErrorCode::kUnavailable);
  EXPECT_TRUE(is_retryable(deferred));

  const common::Error refused = smtp_failure_error({.connection_failed = true});
  EXPECT_EQ(refused.code, ErrorCode::kUnavailable);
  EXPECT_TRUE(is_retryable(refused));

  const common::Error slow = smtp_failure_error({.reply_code = 250, .timed_out = true});
  EXPECT_EQ(slow.code, ErrorCode::kDeadlineExceeded);
  EXPECT_TRUE(is_retryable(slow));
}

TEST(SmtpFailureTest, OtherFailuresAreInternalAndNotRetryable) {
  const common::Error error = smtp_failure_error({.reply_code = 250, .detail = "weird reply"});
  EXPECT_EQ(error.code, ErrorCode::kInternal);
  EXPECT_FALSE(is_retryable(error));
}

}  // namespace
}  // namespace shop::notification::email
