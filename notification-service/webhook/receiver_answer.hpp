#pragma once
// What a receiver's HTTP answer means for a delivery (webhooks and push services alike).
// The retry timing is the delivery worker's (delivery/delivery_worker.hpp).

namespace shop::notification::webhook {

// Counted in given-up deliveries, not attempts: each was already retried with backoff, so
// several in a row mean the endpoint is gone rather than that a burst met a short outage.
inline constexpr int kDisableAfterFailedDeliveries = 5;

enum class AttemptOutcome {
  kSucceeded,  // any 2xx
  kFailed,     // no answer (status 0), 1xx, 3xx (never followed), 4xx and 5xx but 410: retried
  kGone,       // 410 Gone: the receiver asks us to stop
};

AttemptOutcome classify_attempt(int http_status);

}  // namespace shop::notification::webhook
