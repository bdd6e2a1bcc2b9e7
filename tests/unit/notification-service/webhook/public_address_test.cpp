// The address classification behind the SSRF guard, range by range, with the addresses
// on both sides of each boundary.

#include "webhook/public_address.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace shop::notification::webhook {
namespace {

struct Case {
  std::string address;
  bool is_public;
};

void expect_all(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    EXPECT_EQ(is_public_address(boost::asio::ip::make_address(c.address)), c.is_public)
        << c.address;
  }
}

TEST(WebhookPublicAddress, IPv4) {
  expect_all({
      {"8.8.8.8", true},          {"1.1.1.1", true},
      {"93.184.216.34", true},    {"1.0.0.0", true},
      {"0.0.0.0", false},  // unspecified
      {"0.255.255.255", false},   {"9.255.255.255", true},
      {"10.0.0.1", false},  // private 10/8
      {"10.255.255.255", false},  {"11.0.0.0", true},
      {"100.63.255.255", true},   {"100.64.0.0", false},  // CGNAT 100.64/10
      {"100.127.255.255", false}, {"100.128.0.0", true},
      {"126.255.255.255", true},  {"127.0.0.1", false},  // loopback 127/8
      {"127.255.255.254", false}, {"128.0.0.0", true},
      {"169.253.255.255", true},  {"169.254.169.254", false},  // link-local, cloud metadata
      {"169.255.0.0", true},      {"172.15.255.255", true},
      {"172.16.0.0", false},  // private 172.16/12
      {"172.31.255.255", false},  {"172.32.0.0", true},
      {"192.0.0.8", false},                                // IETF protocol assignments
      {"192.0.2.1", false},                                // TEST-NET-1
      {"192.0.3.0", true},        {"192.88.99.1", false},  // 6to4 relay anycast
      {"192.167.255.255", true},  {"192.168.0.1", false},  // private 192.168/16
      {"192.168.255.255", false}, {"192.169.0.0", true},
      {"198.17.255.255", true},   {"198.18.0.1", false},  // benchmarking 198.18/15
      {"198.19.255.255", false},  {"198.20.0.0", true},
      {"198.51.100.7", false},  // TEST-NET-2
      {"203.0.113.9", false},   // TEST-NET-3
      {"203.0.114.0", true},      {"223.255.255.255", true},
      {"224.0.0.1", false},                              // multicast 224/4
      {"239.255.255.250", false}, {"240.0.0.1", false},  // reserved 240/4
      {"255.255.255.255", false},                        // broadcast
  });
}

TEST(WebhookPublicAddress, IPv6) {
  expect_all({
      {"2606:4700:4700::1111", true},
      {"2001:4860:4860::8888", true},
      {"2a00:1450:4001:80b::200e", true},
      {"2001:200::1", true},  // just past 2001::/23
      {"3ffe:ffff::1", true},
      {"::", false},       // unspecified
      {"::1", false},      // loopback
      {"fc00::1", false},  // unique local fc00::/7
      {"fdff:ffff::1", false},
      {"fe80::1", false},  // link-local fe80::/10
      {"febf:ffff::1", false},
      {"fec0::1", false},  // deprecated site-local
      {"ff02::1", false},  // multicast ff00::/8
      {"ff0e::101", false},
      {"2001:db8::1", false},   // documentation
      {"3fff::1", false},       // documentation 3fff::/20
      {"2001::1", false},       // Teredo
      {"2001:1ff::1", false},   // IETF protocol assignments 2001::/23
      {"100::1", false},        // discard-only
      {"64:ff9b:1::1", false},  // local-use NAT64
      {"4000::1", false},       // outside global unicast 2000::/3
      {"1fff:ffff::1", false},
  });
}

TEST(WebhookPublicAddress, IPv6CarryingIPv4IsAsPublicAsTheIPv4) {
  expect_all({
      {"::ffff:8.8.8.8", true},  // IPv4-mapped
      {"::ffff:127.0.0.1", false},
      {"::ffff:10.0.0.1", false},
      {"::ffff:169.254.169.254", false},
      {"::ffff:0.0.0.0", false},
      {"::ffff:255.255.255.255", false},
      {"::8.8.8.8", true},  // IPv4-compatible (deprecated)
      {"::127.0.0.1", false},
      {"::192.168.1.1", false},
      {"64:ff9b::808:808", true},  // NAT64 of 8.8.8.8
      {"64:ff9b::a00:1", false},   // NAT64 of 10.0.0.1
      {"64:ff9b::7f00:1", false},  // NAT64 of 127.0.0.1
      {"64:ff9b::a9fe:a9fe", false},
      {"2002:808:808::1", true},   // 6to4 of 8.8.8.8
      {"2002:a00:1::1", false},    // 6to4 of 10.0.0.1
      {"2002:7f00:1::", false},    // 6to4 of 127.0.0.1
      {"2002:c0a8:101::", false},  // 6to4 of 192.168.1.1
  });
}

}  // namespace
}  // namespace shop::notification::webhook
