#include "webhook/public_address.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

namespace shop::notification::webhook {
namespace {

using V6Bytes = boost::asio::ip::address_v6::bytes_type;

struct V4Range {
  std::uint32_t prefix;
  int length;
};

constexpr V4Range v4_range(std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t d,
                           int length) {
  return {(a << 24) | (b << 16) | (c << 8) | d, length};
}

constexpr std::array kNonPublicV4 = {
    v4_range(0, 0, 0, 0, 8),        // "this network", including 0.0.0.0
    v4_range(10, 0, 0, 0, 8),       // private
    v4_range(100, 64, 0, 0, 10),    // carrier-grade NAT
    v4_range(127, 0, 0, 0, 8),      // loopback
    v4_range(169, 254, 0, 0, 16),   // link-local, cloud metadata endpoints
    v4_range(172, 16, 0, 0, 12),    // private
    v4_range(192, 0, 0, 0, 24),     // IETF protocol assignments
    v4_range(192, 0, 2, 0, 24),     // documentation (TEST-NET-1)
    v4_range(192, 88, 99, 0, 24),   // 6to4 relay anycast
    v4_range(192, 168, 0, 0, 16),   // private
    v4_range(198, 18, 0, 0, 15),    // benchmarking
    v4_range(198, 51, 100, 0, 24),  // documentation (TEST-NET-2)
    v4_range(203, 0, 113, 0, 24),   // documentation (TEST-NET-3)
    v4_range(224, 0, 0, 0, 4),      // multicast
    v4_range(240, 0, 0, 0, 4),      // reserved, and the broadcast address
};

bool in_range(std::uint32_t address, const V4Range& range) {
  const std::uint32_t mask = ~std::uint32_t{0} << (32 - range.length);
  return (address & mask) == range.prefix;
}

bool is_public_v4(const boost::asio::ip::address_v4& address) {
  const std::uint32_t value = address.to_uint();
  return std::none_of(kNonPublicV4.begin(), kNonPublicV4.end(),
                      [value](const V4Range& range) { return in_range(value, range); });
}

struct V6Range {
  V6Bytes prefix;
  int length;
};

// From the leading 16-bit groups; the rest of the prefix is zero.
constexpr V6Range v6_range(std::array<std::uint16_t, 6> groups, int length) {
  V6Bytes bytes{};
  for (std::size_t i = 0; i < groups.size(); ++i) {
    bytes[2 * i] = static_cast<unsigned char>(groups[i] >> 8);
    bytes[2 * i + 1] = static_cast<unsigned char>(groups[i] & 0xFF);
  }
  return {bytes, length};
}

bool in_range(const V6Bytes& address, const V6Range& range) {
  const auto whole_bytes = static_cast<std::size_t>(range.length / 8);
  if (!std::equal(address.begin(), address.begin() + whole_bytes, range.prefix.begin())) {
    return false;
  }
  const int rest_bits = range.length % 8;
  if (rest_bits == 0) return true;
  const auto mask = static_cast<unsigned char>(0xFF << (8 - rest_bits));
  return (address[whole_bytes] & mask) == (range.prefix[whole_bytes] & mask);
}

// IPv6 forms that route to an IPv4 address held at `offset`: they are as public as it is.
struct CarriesV4 {
  V6Range range;
  std::size_t offset;
};

constexpr std::array kCarriesV4 = {
    CarriesV4{v6_range({0, 0, 0, 0, 0, 0xffff}, 96), 12},  // IPv4-mapped
    CarriesV4{v6_range({}, 96), 12},                       // IPv4-compatible, including :: and ::1
    CarriesV4{v6_range({0x64, 0xff9b}, 96), 12},           // NAT64
    CarriesV4{v6_range({0x2002}, 16), 2},                  // 6to4
};

constexpr V6Range kGlobalUnicast = v6_range({0x2000}, 3);

// Inside 2000::/3 but not reachable public hosts.
constexpr std::array kNonPublicGlobalV6 = {
    v6_range({0x2001}, 23),          // IETF protocol assignments (Teredo, ORCHID...)
    v6_range({0x2001, 0x0db8}, 32),  // documentation
    v6_range({0x3fff}, 20),          // documentation
};

boost::asio::ip::address_v4 v4_at(const V6Bytes& bytes, std::size_t offset) {
  return boost::asio::ip::address_v4(
      {bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]});
}

bool is_public_v6(const boost::asio::ip::address_v6& address) {
  const V6Bytes bytes = address.to_bytes();
  for (const CarriesV4& form : kCarriesV4) {
    if (in_range(bytes, form.range)) return is_public_v4(v4_at(bytes, form.offset));
  }
  if (!in_range(bytes, kGlobalUnicast)) return false;
  return std::none_of(kNonPublicGlobalV6.begin(), kNonPublicGlobalV6.end(),
                      [&bytes](const V6Range& range) { return in_range(bytes, range); });
}

}  // namespace

bool is_public_address(const boost::asio::ip::address& address) {
  return address.is_v4() ? is_public_v4(address.to_v4()) : is_public_v6(address.to_v6());
}

}  // namespace shop::notification::webhook
