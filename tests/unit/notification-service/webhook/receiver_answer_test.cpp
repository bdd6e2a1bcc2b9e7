// What a receiver's answer means for a delivery.

#include "webhook/receiver_answer.hpp"

#include <gtest/gtest.h>

namespace shop::notification::webhook {
namespace {

TEST(WebhookReceiverAnswer, ClassifiesStatuses) {
  for (int status : {200, 201, 202, 204, 299}) {
    EXPECT_EQ(classify_attempt(status), AttemptOutcome::kSucceeded) << status;
  }
  EXPECT_EQ(classify_attempt(410), AttemptOutcome::kGone);
  for (int status : {0, 100, 199, 300, 301, 302, 304, 400, 401, 404, 409, 429, 500, 502, 503}) {
    EXPECT_EQ(classify_attempt(status), AttemptOutcome::kFailed) << status;
  }
}

}  // namespace
}  // namespace shop::notification::webhook
