#pragma once
// Resolving a webhook host name to every address it has, IPv4 and IPv6 alike, so the
// target guard can vet them all.

#include <boost/asio/ip/address.hpp>

#include <string>
#include <vector>

#include "common/errors.hpp"

namespace shop::notification::webhook {

// The addresses in the resolver's preference order, without duplicates. A name that does
// not exist is a validation error on "url"; a resolver that cannot answer right now is
// kUnavailable, so the caller can tell a bad URL from a DNS outage.
common::Result<std::vector<boost::asio::ip::address>> resolve_host(const std::string& host);

}  // namespace shop::notification::webhook
