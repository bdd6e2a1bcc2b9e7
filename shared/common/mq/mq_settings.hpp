#pragma once
// The messaging settings a service reads from its environment (see README,
// Configuration), and the component configs built from them.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "common/config/env_reader.hpp"
#include "common/mq/amqp_connection.hpp"
#include "common/mq/amqp_url.hpp"
#include "common/mq/consumer.hpp"
#include "common/mq/outbox_relay.hpp"
#include "common/mq/publisher.hpp"
#include "common/mq/retry_policy.hpp"

namespace shop::common::mq {

struct MqSettings {
  AmqpAddress address{};                            // SHOP_AMQP_URL
  std::chrono::milliseconds connect_timeout{5000};  // SHOP_AMQP_CONNECT_TIMEOUT
  std::chrono::milliseconds publish_timeout{5000};  // SHOP_AMQP_PUBLISH_TIMEOUT
  std::uint16_t prefetch = 16;                      // SHOP_AMQP_PREFETCH
  RetryPolicy retry{};  // SHOP_MQ_MAX_ATTEMPTS, SHOP_MQ_RETRY_BASE, SHOP_MQ_RETRY_CAP
  std::chrono::milliseconds outbox_poll_interval{1000};  // SHOP_OUTBOX_POLL_INTERVAL
  std::size_t outbox_batch_size = 100;                   // SHOP_OUTBOX_BATCH_SIZE

  // Invalid numbers and durations become problems in `env` (env.throw_if_errors()
  // reports them); an invalid SHOP_AMQP_URL throws config::ConfigError at once.
  static MqSettings from_env(config::EnvReader& env);

  // `connection_name` identifies the connection on the broker, e.g. "product-service".
  AmqpSettings amqp(std::string connection_name) const;
  PublisherConfig publisher(std::string connection_name) const;
  ConsumerConfig consumer(std::string connection_name, std::string queue,
                          std::vector<std::string> bindings) const;
  RelayConfig relay(std::string listen_conninfo) const;
};

}  // namespace shop::common::mq
