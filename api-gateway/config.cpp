#include "config.hpp"

namespace shop::gateway {

Config Config::from_env(common::config::EnvReader env) {
  Config config{
      .bind_address = env.string("BIND_ADDRESS", "127.0.0.1"),
      .port = env.port("GATEWAY_PORT", 8080),
      .max_body_bytes = env.integer("GATEWAY_MAX_BODY_BYTES", 1 << 20, 1024, 64 << 20),
      .max_header_bytes = env.integer("GATEWAY_MAX_HEADER_BYTES", 16 << 10, 1024, 1 << 20),
      .upstream_timeout = env.millis("UPSTREAM_TIMEOUT_MS", std::chrono::milliseconds(3000)),
      .aggregation_timeout = env.millis("AGGREGATION_TIMEOUT_MS", std::chrono::milliseconds(800)),
      .log_level = env.one_of("LOG_LEVEL", "info", {"debug", "info", "warn", "error"}),
      .io_threads = env.integer("IO_THREADS", 0, 0, 64),
      .upstreams = {{"user-service", env.string("USER_SERVICE_GRPC_ADDR", "127.0.0.1:50051"),
                     env.string("USER_SERVICE_HTTP_ADDR", "127.0.0.1:3001")},
                    {"product-service", env.string("PRODUCT_SERVICE_GRPC_ADDR", "127.0.0.1:50052"),
                     env.string("PRODUCT_SERVICE_HTTP_ADDR", "127.0.0.1:3002")},
                    {"order-service", env.string("ORDER_SERVICE_GRPC_ADDR", "127.0.0.1:50053"),
                     env.string("ORDER_SERVICE_HTTP_ADDR", "127.0.0.1:3003")},
                    {"notification-service",
                     env.string("NOTIFICATION_SERVICE_GRPC_ADDR", "127.0.0.1:50054"),
                     env.string("NOTIFICATION_SERVICE_HTTP_ADDR", "127.0.0.1:3004")}},
      .discovery = common::discovery::ConsulSettings::from_env(env),
      .cors = common::http::CorsSettings::from_env(env),
  };
  env.throw_if_errors();
  return config;
}

}  // namespace shop::gateway
