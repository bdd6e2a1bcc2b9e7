#include "common/mq/mq_settings.hpp"

namespace shop::common::mq {
namespace {

constexpr std::string_view kDefaultUrl = "amqp://guest:guest@127.0.0.1:5672/";
// A consumer waits for deliveries on an otherwise silent connection: heartbeats tell it
// when the broker is gone.
constexpr std::chrono::seconds kConsumerHeartbeat{30};

}  // namespace

MqSettings MqSettings::from_env(config::EnvReader& env) {
  MqSettings settings;
  const std::string url = env.string("SHOP_AMQP_URL", std::string(kDefaultUrl));
  auto address = parse_amqp_url(url);
  if (!address) throw config::ConfigError({"SHOP_AMQP_URL: " + address.error().detail});
  settings.address = std::move(*address);
  settings.connect_timeout = env.millis("SHOP_AMQP_CONNECT_TIMEOUT", settings.connect_timeout);
  settings.publish_timeout = env.millis("SHOP_AMQP_PUBLISH_TIMEOUT", settings.publish_timeout);
  settings.prefetch =
      static_cast<std::uint16_t>(env.integer("SHOP_AMQP_PREFETCH", settings.prefetch, 1, 65535));
  settings.retry.max_attempts =
      static_cast<int>(env.integer("SHOP_MQ_MAX_ATTEMPTS", settings.retry.max_attempts, 1, 100));
  settings.retry.base = env.millis("SHOP_MQ_RETRY_BASE", settings.retry.base);
  settings.retry.cap = env.millis("SHOP_MQ_RETRY_CAP", settings.retry.cap);
  settings.retry = normalised(settings.retry);
  settings.outbox_poll_interval =
      env.millis("SHOP_OUTBOX_POLL_INTERVAL", settings.outbox_poll_interval);
  settings.outbox_batch_size = static_cast<std::size_t>(env.integer(
      "SHOP_OUTBOX_BATCH_SIZE", static_cast<std::int64_t>(settings.outbox_batch_size), 1, 10000));
  return settings;
}

AmqpSettings MqSettings::amqp(std::string connection_name) const {
  return {.address = address,
          .connection_name = std::move(connection_name),
          .connect_timeout = connect_timeout,
          .rpc_timeout = connect_timeout};
}

PublisherConfig MqSettings::publisher(std::string connection_name) const {
  return {.amqp = amqp(std::move(connection_name)), .publish_timeout = publish_timeout};
}

ConsumerConfig MqSettings::consumer(std::string connection_name, std::string queue,
                                    std::vector<std::string> bindings) const {
  ConsumerConfig config;
  config.amqp = amqp(std::move(connection_name));
  config.amqp.heartbeat = kConsumerHeartbeat;
  config.queue = std::move(queue);
  config.bindings = std::move(bindings);
  config.prefetch = prefetch;
  config.retry = retry;
  config.publish_timeout = publish_timeout;
  return config;
}

RelayConfig MqSettings::relay(std::string listen_conninfo) const {
  RelayConfig config;
  config.batch_size = outbox_batch_size;
  config.poll_interval = outbox_poll_interval;
  config.listen_conninfo = std::move(listen_conninfo);
  return config;
}

}  // namespace shop::common::mq
