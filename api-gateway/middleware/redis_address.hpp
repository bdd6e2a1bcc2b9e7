#pragma once
// Where the shared rate-limit state lives: a parsed redis:// URL.

#include <cstdint>
#include <string>
#include <string_view>

#include "common/errors.hpp"

namespace shop::gateway::middleware {

struct RedisAddress {
  std::string host{};
  std::uint16_t port = 6379;
  std::string username{};  // empty: AUTH with the password alone (or no AUTH)
  std::string password{};  // empty: no AUTH
  int database = 0;        // SELECT index

  bool operator==(const RedisAddress&) const = default;
};

// redis://[[username]:password@]host[:port][/database]. kBadRequest for another scheme
// (rediss:// needs TLS, which this client library lacks), no host, or a bad port or
// database number.
common::Result<RedisAddress> parse_redis_url(std::string_view url);

}  // namespace shop::gateway::middleware
