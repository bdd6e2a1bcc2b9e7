#pragma once
// Whether an IP address is a public unicast address a webhook may be sent to. Pure, so the
// whole table of refused ranges is unit-tested without DNS.

#include <boost/asio/ip/address.hpp>

namespace shop::notification::webhook {

// False for loopback, private, link-local, CGNAT, unspecified, multicast, broadcast,
// reserved and documentation ranges, for IPv6 outside global unicast 2000::/3, and for
// IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4) when the
// carried address is not public itself.
bool is_public_address(const boost::asio::ip::address& address);

}  // namespace shop::notification::webhook
