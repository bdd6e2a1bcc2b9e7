#pragma once
// Storage of Idempotency-Key records (see models/idempotency.hpp for the rules).
//
// A request claims its key with an insert that at most one of any number of concurrent
// requests wins. The winner holds the key until `in_flight_until` (a lease, so that a
// process killed mid-request does not block the key for good) and records its answer,
// where the request changes anything, in the same transaction as that change: an answer
// is stored exactly when its effect is.

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstdint>
#include <string>

#include "common/errors.hpp"
#include "models/idempotency.hpp"

namespace shop::payment::repository {

template <class T>
using Task = boost::asio::awaitable<common::Result<T>>;

// An answer as given and as replayed.
struct StoredResponse {
  int status = 0;
  std::string body;
};

struct KeyRequest {
  std::string account;  // whose key it is: a digest of the API key
  std::string key;
  std::string fingerprint;
  std::chrono::milliseconds lease{0};  // longer than any request may take
};

// A key this request holds; `holder` tells it from a later holder of the same key.
struct KeyClaim {
  std::string account;
  std::string key;
  std::string holder;
};

struct ClaimResult {
  enum class Kind { kClaimed, kRepeat } kind = Kind::kClaimed;
  KeyClaim claim{};                 // kClaimed
  models::RepeatVerdict verdict{};  // kRepeat
  StoredResponse response{};        // kRepeat with kReplay
};

class IdempotencyRepository {
 public:
  virtual ~IdempotencyRepository() = default;
  // Claims the key, unless a request holds it or answered under it within the last 24
  // hours (older records count as absent). A holder whose lease ran out without an
  // answer made no change, so a request with its fingerprint takes the key over.
  virtual Task<ClaimResult> claim(const KeyRequest& request) = 0;
  // Stores the answer of a request that changed nothing (a refused refund).
  virtual Task<void> record(const KeyClaim& claim, const StoredResponse& response) = 0;
  // Ends the hold: repeats now get the recorded answer.
  virtual Task<void> finish(const KeyClaim& claim) = 0;
  // Forgets an unanswered key, so that a retry runs again.
  virtual Task<void> release(const KeyClaim& claim) = 0;
  // Deletes the records past the 24 hours; returns how many.
  virtual Task<std::int64_t> purge_expired() = 0;
};

}  // namespace shop::payment::repository
