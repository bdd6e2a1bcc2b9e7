#include "config.hpp"

namespace shop::user {

Config Config::from_env(common::config::EnvReader env) {
  Config config{
      .bind_address = env.string("BIND_ADDRESS", "127.0.0.1"),
      .http_port = env.port("USER_HTTP_PORT", 3001),
      .grpc_port = env.port("USER_GRPC_PORT", 50051),
      .database_url =
          env.string("USER_DATABASE_URL", "postgresql://shop@127.0.0.1:5432/shop_users"),
      .db_pool_size = env.integer("USER_DB_POOL_SIZE", 8, 1, 256),
      .user_cache_capacity = env.integer("USER_CACHE_CAPACITY", 100'000, 0, 10'000'000),
      .user_cache_ttl_seconds = env.integer("USER_CACHE_TTL_SECONDS", 60, 1, 86'400),
      .admin_email = env.string("SHOP_ADMIN_EMAIL", "admin@shop.local"),
      .admin_password = env.string("SHOP_ADMIN_PASSWORD", "admin-change-me"),
      .access_ttl_seconds = env.integer("ACCESS_TOKEN_TTL_SECONDS", 900, 30, 86'400),
      .refresh_ttl_seconds = env.integer("REFRESH_TOKEN_TTL_SECONDS", 1'209'600, 60, 31'536'000),
      .password_hash_profile =
          env.one_of("PASSWORD_HASH_PROFILE", "interactive", {"interactive", "fast"}),
      .mq = common::mq::MqSettings::from_env(env),
      .discovery = common::discovery::ConsulSettings::from_env(env),
      .log_level = env.one_of("LOG_LEVEL", "info", {"debug", "info", "warn", "error"}),
      .io_threads = env.integer("IO_THREADS", 0, 0, 64),
  };
  env.throw_if_errors();
  return config;
}

}  // namespace shop::user
