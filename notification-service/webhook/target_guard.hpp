#pragma once
// The SSRF guard for subscriber-supplied webhook URLs: only http(s) to hosts whose every
// address is public, returning the vetted address so the request is pinned to it and a
// DNS answer that changes between check and connect cannot redirect it.

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/thread_pool.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include "common/errors.hpp"

namespace shop::notification::webhook {

struct VettedTarget {
  std::string scheme;                // "http" or "https"
  std::string host;                  // a host name, or an IP literal (IPv6 without brackets)
  std::uint16_t port = 0;            // the URL's port, or the scheme's default
  std::string path_and_query;        // "/" when the URL has no path; the fragment is dropped
  boost::asio::ip::address address;  // the address to connect to
};

// A validation error (422) on "url" for a URL that is malformed, not http(s), carries
// userinfo, has no host, or reaches a non-public address; kUnavailable when DNS cannot
// answer. `allow_private` skips only the address check, for development and tests.
common::Result<VettedTarget> check_target(std::string_view url, bool allow_private);

// check_target run on `blocking`: it resolves the host, which must never hold an I/O thread.
boost::asio::awaitable<common::Result<VettedTarget>> vet_target(boost::asio::thread_pool& blocking,
                                                                std::string url,
                                                                bool allow_private);

}  // namespace shop::notification::webhook
