#include "webhook/receiver_answer.hpp"

namespace shop::notification::webhook {

AttemptOutcome classify_attempt(int http_status) {
  if (http_status >= 200 && http_status < 300) return AttemptOutcome::kSucceeded;
  if (http_status == 410) return AttemptOutcome::kGone;
  return AttemptOutcome::kFailed;
}

}  // namespace shop::notification::webhook
