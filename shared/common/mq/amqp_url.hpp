#pragma once
// Where a broker is and how to log in, from an AMQP URI:
//   amqp://user:password@host:port/vhost
// The port defaults to 5672, user and password to guest, and the vhost to "/" when the
// path is empty or "/" (as most clients read it); "/%2F" is "/" too, and "/shop" is
// "shop". TLS (amqps) is not supported.

#include <cstdint>
#include <string>
#include <string_view>

#include "common/errors.hpp"

namespace shop::common::mq {

struct AmqpAddress {
  std::string host = "127.0.0.1";
  std::uint16_t port = 5672;
  std::string user = "guest";
  std::string password = "guest";
  std::string vhost = "/";

  bool operator==(const AmqpAddress&) const = default;
};

Result<AmqpAddress> parse_amqp_url(std::string_view url);

// For logs: amqp://user@host:port/vhost, without the password.
std::string describe(const AmqpAddress& address);

}  // namespace shop::common::mq
