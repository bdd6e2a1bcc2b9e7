#pragma once
// product-service settings, read once from the environment (see README for each).

#include <chrono>
#include <cstdint>
#include <string>

#include "common/config/env_reader.hpp"
#include "common/discovery/consul_settings.hpp"
#include "common/mq/mq_settings.hpp"

namespace shop::product {

struct Config {
  std::string bind_address;
  std::uint16_t http_port;
  std::uint16_t grpc_port;
  std::string database_url;
  std::int64_t db_pool_size;
  std::string user_service_grpc_address;  // for the keys that sign access tokens
  std::chrono::milliseconds upstream_timeout;
  std::int64_t reservation_ttl_seconds;
  std::chrono::milliseconds reservation_sweep_interval;
  std::string search_url;  // empty: no search server, the database answers listings
  std::string search_alias;
  std::chrono::milliseconds search_timeout;
  std::int64_t search_connections;  // kept open to the search server between requests
  common::mq::MqSettings mq;
  common::discovery::ConsulSettings discovery;
  std::string log_level;
  std::int64_t io_threads;  // 0: one per core

  // Throws common::config::ConfigError listing every invalid variable.
  static Config from_env(common::config::EnvReader env = common::config::EnvReader());
};

}  // namespace shop::product
