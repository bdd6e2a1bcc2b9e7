#include "config.hpp"

namespace shop::product {

Config Config::from_env(common::config::EnvReader env) {
  Config config{
      .bind_address = env.string("BIND_ADDRESS", "127.0.0.1"),
      .http_port = env.port("PRODUCT_HTTP_PORT", 3002),
      .grpc_port = env.port("PRODUCT_GRPC_PORT", 50052),
      .database_url =
          env.string("PRODUCT_DATABASE_URL", "postgresql://shop@127.0.0.1:5432/shop_products"),
      .db_pool_size = env.integer("PRODUCT_DB_POOL_SIZE", 8, 1, 256),
      .user_service_grpc_address = env.string("USER_SERVICE_GRPC_ADDR", "127.0.0.1:50051"),
      .upstream_timeout = env.millis("UPSTREAM_TIMEOUT_MS", std::chrono::milliseconds(3000)),
      .reservation_ttl_seconds = env.integer("RESERVATION_TTL_SECONDS", 900, 1, 86'400),
      .reservation_sweep_interval =
          env.millis("RESERVATION_SWEEP_INTERVAL_MS", std::chrono::milliseconds(1000)),
      .search_url = env.string("SEARCH_URL", "http://127.0.0.1:9200"),
      .search_alias = env.string("SEARCH_INDEX", "products"),
      .search_timeout = env.millis("SEARCH_TIMEOUT_MS", std::chrono::milliseconds(2000)),
      .search_connections = env.integer("SEARCH_CONNECTIONS", 64, 1, 1024),
      .mq = common::mq::MqSettings::from_env(env),
      .discovery = common::discovery::ConsulSettings::from_env(env),
      .log_level = env.one_of("LOG_LEVEL", "info", {"debug", "info", "warn", "error"}),
      .io_threads = env.integer("IO_THREADS", 0, 0, 64),
  };
  env.throw_if_errors();
  return config;
}

}  // namespace shop::product
