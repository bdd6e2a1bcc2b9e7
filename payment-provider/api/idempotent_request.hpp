#pragma once
// The Idempotency-Key flow around a POST that changes data (models/idempotency.hpp has
// the rules): the key is required; the request is admitted once it holds the key, or
// answered at once (replay, in use, reused); and when it has run, its answer is stored
// or the key let go, according to how it ended.

#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>

#include <chrono>
#include <string>
#include <variant>

#include "api/deps.hpp"
#include "models/api_error.hpp"

namespace shop::payment::api {

// The request's Idempotency-Key header, or the 400 for its absence.
models::ApiResult<std::string> idempotency_key(const http::Request& request);

// The claim when the request holds the key now; otherwise the answer to give instead.
using Admission = std::variant<repository::KeyClaim, http::Response>;

boost::asio::awaitable<Admission> admit(const Deps& deps, const http::Request& request,
                                        const std::string& key, const boost::json::object& params);

// How a request that held its key ended, and so what becomes of the key.
struct Conclusion {
  enum class Kind {
    kRecorded,   // the answer was stored together with the request's change
    kDecided,    // a final answer with no change behind it: store it now
    kRetryable,  // a 5xx: nothing stored, the key let go so that a retry runs again
  } kind = Kind::kRetryable;
  repository::StoredResponse response;
  std::chrono::milliseconds delay{0};  // how long to hold the answer back (the slow card)

  static Conclusion recorded(repository::StoredResponse response,
                             std::chrono::milliseconds delay = {});
  static Conclusion decided(const models::ApiError& error);
  static Conclusion retryable(const models::ApiError& error);
};

// Stores or lets go of the key as `conclusion` says, waits out its delay (on a timer:
// the key stays in flight meanwhile), and answers.
boost::asio::awaitable<http::Response> conclude(const Deps& deps, const repository::KeyClaim& claim,
                                                const Conclusion& conclusion);

}  // namespace shop::payment::api
