#pragma once
// payment-provider settings, read once from the environment (see README for each).

#include <chrono>
#include <cstdint>
#include <string>

#include "common/config/env_reader.hpp"

namespace shop::payment {

struct Config {
  std::string bind_address;
  std::uint16_t port;  // the API and /health, /ready, /metrics
  std::string database_url;
  std::int64_t db_pool_size;
  std::string api_key;
  std::chrono::milliseconds slow_answer_delay;  // of the slow test card
  std::string log_level;
  std::int64_t io_threads;  // 0: one per core

  // Throws common::config::ConfigError listing every invalid variable.
  static Config from_env(common::config::EnvReader env = common::config::EnvReader());
};

}  // namespace shop::payment
