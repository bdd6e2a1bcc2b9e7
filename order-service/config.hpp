#pragma once
// order-service settings, read once from the environment (see README for each).

#include <chrono>
#include <cstdint>
#include <string>

#include "common/config/env_reader.hpp"
#include "common/discovery/consul_settings.hpp"
#include "common/mq/mq_settings.hpp"

namespace shop::order {

struct Config {
  std::string bind_address;
  std::uint16_t http_port;
  std::uint16_t grpc_port;
  std::string mongo_url;
  std::int64_t mongo_threads;
  std::chrono::milliseconds mongo_timeout;
  std::string user_service_grpc_address;
  std::string product_service_grpc_address;
  std::chrono::milliseconds upstream_timeout;
  std::string payment_provider_url;
  std::string payment_provider_api_key;
  std::chrono::milliseconds payment_timeout;
  std::chrono::milliseconds saga_wait;
  std::int64_t payment_give_up_seconds;
  std::chrono::milliseconds recovery_interval;
  std::chrono::milliseconds event_relay_interval;
  common::mq::MqSettings mq;
  common::discovery::ConsulSettings discovery;
  std::string log_level;
  std::int64_t io_threads;  // 0: one per core

  // Throws common::config::ConfigError listing every invalid variable.
  static Config from_env(common::config::EnvReader env = common::config::EnvReader());
};

}  // namespace shop::order
