#pragma once
// One webhook delivery attempt: a blocking HTTP POST through libcurl to a vetted target,
// pinned to the vetted address, never following redirects. Safe to call from many threads
// at once; each call uses its own curl handle.

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "webhook/http_header.hpp"
#include "webhook/target_guard.hpp"

namespace shop::notification::webhook {

inline constexpr char kUserAgent[] = "shop-webhooks/1";
// Enough of the receiver's answer for the delivery log; the rest is not read.
inline constexpr std::size_t kResponseExcerptBytes = 1024;

struct PostTimeouts {
  std::chrono::milliseconds total{10'000};
  std::chrono::milliseconds connect{3'000};
};

struct PostResult {
  int status = 0;               // the HTTP status, or 0 when no complete answer arrived
  std::string transport_error;  // why no answer arrived; empty when status is set
  std::chrono::milliseconds elapsed{0};
  std::string response_excerpt;  // the first kResponseExcerptBytes of the response body
};

// POSTs `body` as application/json with User-Agent kUserAgent plus `headers` (the
// signature headers). Failures are reported in the result, never thrown.
PostResult post_webhook(const VettedTarget& target, const std::vector<HttpHeader>& headers,
                        std::string_view body, const PostTimeouts& timeouts);

}  // namespace shop::notification::webhook
