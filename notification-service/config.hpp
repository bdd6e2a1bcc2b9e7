#pragma once
// notification-service settings, read once from the environment (see README for each).

#include <chrono>
#include <cstdint>
#include <string>

#include "common/config/env_reader.hpp"
#include "common/discovery/consul_settings.hpp"
#include "common/mq/mq_settings.hpp"

namespace shop::notification {

struct Config {
  std::string bind_address;
  std::uint16_t http_port;
  std::uint16_t grpc_port;
  std::string database_url;
  std::int64_t db_pool_size;
  std::string user_service_grpc_address;
  std::chrono::milliseconds upstream_timeout;
  std::string smtp_host;
  std::uint16_t smtp_port;
  std::string smtp_username;
  std::string smtp_password;
  bool smtp_starttls;
  std::string mail_from_address;
  std::string mail_from_name;
  bool webhook_allow_private;
  std::chrono::milliseconds outbound_timeout;  // one webhook or push attempt
  std::string vapid_private_key;               // empty: generated once, kept in the database
  std::string vapid_subject;
  std::chrono::milliseconds retry_base;
  std::chrono::milliseconds retry_cap;
  std::int64_t max_attempts;
  std::chrono::milliseconds poll_interval;
  std::int64_t workers_per_channel;
  common::mq::MqSettings mq;
  common::discovery::ConsulSettings discovery;
  std::string log_level;
  std::int64_t io_threads;  // 0: one per core

  // Throws common::config::ConfigError listing every invalid variable.
  static Config from_env(common::config::EnvReader env = common::config::EnvReader());
};

}  // namespace shop::notification
