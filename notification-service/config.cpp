#include "config.hpp"

namespace shop::notification {

Config Config::from_env(common::config::EnvReader env) {
  using std::chrono::milliseconds;
  Config config{
      .bind_address = env.string("BIND_ADDRESS", "127.0.0.1"),
      .http_port = env.port("NOTIFICATION_HTTP_PORT", 3004),
      .grpc_port = env.port("NOTIFICATION_GRPC_PORT", 50054),
      .database_url = env.string("NOTIFICATION_DATABASE_URL",
                                 "postgresql://shop@127.0.0.1:5432/shop_notifications"),
      .db_pool_size = env.integer("NOTIFICATION_DB_POOL_SIZE", 8, 1, 256),
      .user_service_grpc_address = env.string("USER_SERVICE_GRPC_ADDR", "127.0.0.1:50051"),
      .upstream_timeout = env.millis("UPSTREAM_TIMEOUT_MS", milliseconds(3000)),
      .smtp_host = env.string("SMTP_HOST", "127.0.0.1"),
      .smtp_port = env.port("SMTP_PORT", 1025),
      .smtp_username = env.string("SMTP_USERNAME", ""),
      .smtp_password = env.string("SMTP_PASSWORD", ""),
      .smtp_starttls = env.flag("SMTP_STARTTLS", false),
      .mail_from_address = env.string("MAIL_FROM_ADDRESS", "notifications@shop.local"),
      .mail_from_name = env.string("MAIL_FROM_NAME", "Shop"),
      .webhook_allow_private = env.flag("WEBHOOK_ALLOW_PRIVATE", false),
      .outbound_timeout = env.millis("OUTBOUND_TIMEOUT_MS", milliseconds(10'000)),
      .vapid_private_key = env.string("VAPID_PRIVATE_KEY", ""),
      .vapid_subject = env.string("VAPID_SUBJECT", "mailto:ops@shop.local"),
      .retry_base = env.millis("NOTIFICATION_RETRY_BASE_MS", milliseconds(5000)),
      .retry_cap = env.millis("NOTIFICATION_RETRY_CAP_MS", milliseconds(3'600'000)),
      .max_attempts = env.integer("NOTIFICATION_MAX_ATTEMPTS", 12, 1, 100),
      .poll_interval = env.millis("NOTIFICATION_POLL_INTERVAL_MS", milliseconds(250)),
      .workers_per_channel = env.integer("NOTIFICATION_WORKERS_PER_CHANNEL", 4, 1, 64),
      .mq = common::mq::MqSettings::from_env(env),
      .discovery = common::discovery::ConsulSettings::from_env(env),
      .log_level = env.one_of("LOG_LEVEL", "info", {"debug", "info", "warn", "error"}),
      .io_threads = env.integer("IO_THREADS", 0, 0, 64),
  };
  env.throw_if_errors();
  return config;
}

}  // namespace shop::notification
