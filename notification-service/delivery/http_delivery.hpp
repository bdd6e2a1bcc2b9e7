#pragma once
// The HTTP leg every outbound channel shares: vet the URL with the SSRF guard (DNS runs
// on the blocking pool), POST to the vetted address, and turn the answer into a verdict.

#include <boost/asio/awaitable.hpp>
#include <boost/asio/thread_pool.hpp>

#include <string>
#include <vector>

#include "delivery/channel.hpp"
#include "webhook/http_header.hpp"
#include "webhook/http_poster.hpp"

namespace shop::notification::delivery {

struct OutboundSettings {
  bool allow_private_targets = false;  // WEBHOOK_ALLOW_PRIVATE
  webhook::PostTimeouts timeouts{};
};

// 2xx delivered, 410 gone, anything else (no answer and redirects included) retried.
AttemptResult verdict_of(const webhook::PostResult& posted);

// A URL that fails the guard for good gives up; DNS trouble is retried.
boost::asio::awaitable<AttemptResult> post_to(boost::asio::thread_pool& blocking,
                                              const OutboundSettings& settings, std::string url,
                                              std::vector<webhook::HttpHeader> headers,
                                              std::string body);

}  // namespace shop::notification::delivery
