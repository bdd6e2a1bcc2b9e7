#include "config.hpp"

namespace shop::payment {

Config Config::from_env(common::config::EnvReader env) {
  Config config{
      .bind_address = env.string("BIND_ADDRESS", "127.0.0.1"),
      .port = env.port("PAYMENT_PROVIDER_PORT", 3005),
      .database_url = env.string("PAYMENT_PROVIDER_DATABASE_URL",
                                 "postgresql://shop@127.0.0.1:5432/shop_payments"),
      .db_pool_size = env.integer("PAYMENT_PROVIDER_DB_POOL_SIZE", 8, 1, 256),
      .api_key = env.string("PAYMENT_PROVIDER_API_KEY", "sk_test_shop_local"),
      .slow_answer_delay =
          std::chrono::milliseconds(env.integer("PAYMENT_PROVIDER_SLOW_MS", 5000, 0, 600'000)),
      .log_level = env.one_of("LOG_LEVEL", "info", {"debug", "info", "warn", "error"}),
      .io_threads = env.integer("IO_THREADS", 0, 0, 64),
  };
  env.throw_if_errors();
  return config;
}

}  // namespace shop::payment
