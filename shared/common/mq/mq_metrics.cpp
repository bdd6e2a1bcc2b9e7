#include "common/mq/mq_metrics.hpp"

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>

#include <string>

#include "common/observability/metrics.hpp"

namespace shop::common::mq {

struct MqMetrics::Impl {
  explicit Impl(prometheus::Registry& registry)
      : published(prometheus::BuildCounter()
                      .Name("shop_mq_published_total")
                      .Help("Messages published and confirmed by the broker")
                      .Register(registry)
                      .Add({})),
        publish_failures(prometheus::BuildCounter()
                             .Name("shop_mq_publish_failures_total")
                             .Help("Messages the broker did not confirm, by reason")
                             .Register(registry)),
        connections(prometheus::BuildCounter()
                        .Name("shop_mq_connections_opened_total")
                        .Help("AMQP connections opened, reconnections included")
                        .Register(registry)),
        consumed(prometheus::BuildCounter()
                     .Name("shop_mq_consumed_total")
                     .Help("Deliveries handled by consumers, by outcome")
                     .Register(registry)),
        duplicates(prometheus::BuildCounter()
                       .Name("shop_mq_inbox_duplicates_total")
                       .Help("Deliveries skipped because the inbox had processed the event")
                       .Register(registry)),
        backlog(prometheus::BuildGauge()
                    .Name("shop_mq_outbox_backlog")
                    .Help("Outbox events not yet published")
                    .Register(registry)
                    .Add({})),
        lag(prometheus::BuildGauge()
                .Name("shop_mq_outbox_lag_seconds")
                .Help("Age of the oldest outbox event not yet published")
                .Register(registry)
                .Add({})) {}

  prometheus::Counter& published;
  prometheus::Family<prometheus::Counter>& publish_failures;
  prometheus::Family<prometheus::Counter>& connections;
  prometheus::Family<prometheus::Counter>& consumed;
  prometheus::Family<prometheus::Counter>& duplicates;
  prometheus::Gauge& backlog;
  prometheus::Gauge& lag;
};

MqMetrics& MqMetrics::instance() {
  static MqMetrics metrics(obs::Metrics::instance().registry());
  return metrics;
}

MqMetrics::MqMetrics(prometheus::Registry& registry) : impl_(std::make_unique<Impl>(registry)) {}

MqMetrics::~MqMetrics() = default;

void MqMetrics::published(std::size_t count) {
  impl_->published.Increment(static_cast<double>(count));
}

void MqMetrics::publish_failed(std::string_view reason, std::size_t count) {
  impl_->publish_failures.Add({{"reason", std::string(reason)}})
      .Increment(static_cast<double>(count));
}

void MqMetrics::connection_opened(std::string_view role) {
  impl_->connections.Add({{"role", std::string(role)}}).Increment();
}

void MqMetrics::consumed(std::string_view queue, std::string_view outcome) {
  impl_->consumed.Add({{"queue", std::string(queue)}, {"outcome", std::string(outcome)}})
      .Increment();
}

void MqMetrics::inbox_duplicate(std::string_view consumer) {
  impl_->duplicates.Add({{"consumer", std::string(consumer)}}).Increment();
}

void MqMetrics::set_outbox_backlog(std::int64_t rows, double oldest_age_seconds) {
  impl_->backlog.Set(static_cast<double>(rows));
  impl_->lag.Set(oldest_age_seconds);
}

}  // namespace shop::common::mq
