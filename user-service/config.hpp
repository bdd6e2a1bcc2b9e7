#pragma once
// user-service settings, read once from the environment (see README for each).

#include <cstdint>
#include <string>

#include "common/config/env_reader.hpp"
#include "common/discovery/consul_settings.hpp"
#include "common/mq/mq_settings.hpp"

namespace shop::user {

struct Config {
  std::string bind_address;
  std::uint16_t http_port;
  std::uint16_t grpc_port;
  std::string database_url;
  std::int64_t db_pool_size;
  std::int64_t user_cache_capacity;  // 0: no cache
  std::int64_t user_cache_ttl_seconds;
  std::string admin_email;
  std::string admin_password;
  std::int64_t access_ttl_seconds;
  std::int64_t refresh_ttl_seconds;
  std::string password_hash_profile;  // "interactive" or "fast" (tests only)
  common::mq::MqSettings mq;          // for the relay of user.registered
  common::discovery::ConsulSettings discovery;
  std::string log_level;
  std::int64_t io_threads;  // 0: one per core

  // Throws common::config::ConfigError listing every invalid variable.
  static Config from_env(common::config::EnvReader env = common::config::EnvReader());
};

}  // namespace shop::user
