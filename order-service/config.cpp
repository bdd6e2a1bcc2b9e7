#include "config.hpp"

namespace shop::order {

Config Config::from_env(common::config::EnvReader env) {
  Config config{
      .bind_address = env.string("BIND_ADDRESS", "127.0.0.1"),
      .http_port = env.port("ORDER_HTTP_PORT", 3003),
      .grpc_port = env.port("ORDER_GRPC_PORT", 50053),
      .mongo_url = env.string("ORDER_MONGO_URL", "mongodb://127.0.0.1:27017/shop_orders"),
      .mongo_threads = env.integer("ORDER_MONGO_THREADS", 8, 1, 256),
      .mongo_timeout = env.millis("ORDER_MONGO_TIMEOUT_MS", std::chrono::milliseconds(2000)),
      .user_service_grpc_address = env.string("USER_SERVICE_GRPC_ADDR", "127.0.0.1:50051"),
      .product_service_grpc_address = env.string("PRODUCT_SERVICE_GRPC_ADDR", "127.0.0.1:50052"),
      .upstream_timeout = env.millis("UPSTREAM_TIMEOUT_MS", std::chrono::milliseconds(3000)),
      .payment_provider_url = env.string("PAYMENT_PROVIDER_URL", "http://127.0.0.1:3005"),
      .payment_provider_api_key = env.string("PAYMENT_PROVIDER_API_KEY", "sk_test_shop_local"),
      .payment_timeout = env.millis("PAYMENT_TIMEOUT_MS", std::chrono::milliseconds(1500)),
      .saga_wait = env.millis("ORDER_SAGA_WAIT_MS", std::chrono::milliseconds(2500)),
      .payment_give_up_seconds = env.integer("PAYMENT_GIVE_UP_SECONDS", 30, 1, 86'400),
      .recovery_interval =
          env.millis("ORDER_RECOVERY_INTERVAL_MS", std::chrono::milliseconds(2000)),
      .event_relay_interval =
          env.millis("ORDER_EVENT_RELAY_INTERVAL_MS", std::chrono::milliseconds(200)),
      .mq = common::mq::MqSettings::from_env(env),
      .discovery = common::discovery::ConsulSettings::from_env(env),
      .log_level = env.one_of("LOG_LEVEL", "info", {"debug", "info", "warn", "error"}),
      .io_threads = env.integer("IO_THREADS", 0, 0, 64),
  };
  env.throw_if_errors();
  return config;
}

}  // namespace shop::order
