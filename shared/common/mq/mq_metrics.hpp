#pragma once
// The messaging instruments, declared in one place (name, type, labels):
//
//   shop_mq_published_total                   counter  messages the broker confirmed
//   shop_mq_publish_failures_total            counter  reason: nack, unroutable, timeout,
//                                                      connection
//   shop_mq_connections_opened_total          counter  role: publisher, consumer
//                                                      (reconnections show here)
//   shop_mq_consumed_total                    counter  queue; outcome: acknowledged,
//                                                      retried, dead_lettered
//   shop_mq_inbox_duplicates_total            counter  consumer: deliveries the inbox had
//                                                      seen already
//   shop_mq_outbox_backlog                    gauge    outbox rows not yet published
//   shop_mq_outbox_lag_seconds                gauge    age of the oldest of them
//
// Thread-safe. Queue and consumer names are fixed by the code, so their series stay few.

#include <cstdint>
#include <memory>
#include <string_view>

namespace prometheus {
class Registry;
}  // namespace prometheus

namespace shop::common::mq {

class MqMetrics {
 public:
  // On the registry /metrics serves (obs::Metrics::instance()).
  static MqMetrics& instance();

  explicit MqMetrics(prometheus::Registry& registry);
  ~MqMetrics();
  MqMetrics(const MqMetrics&) = delete;
  MqMetrics& operator=(const MqMetrics&) = delete;

  void published(std::size_t count);
  void publish_failed(std::string_view reason, std::size_t count);
  void connection_opened(std::string_view role);
  void consumed(std::string_view queue, std::string_view outcome);
  void inbox_duplicate(std::string_view consumer);
  void set_outbox_backlog(std::int64_t rows, double oldest_age_seconds);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace shop::common::mq
