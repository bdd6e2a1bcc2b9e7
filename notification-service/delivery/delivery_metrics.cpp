#include "delivery/delivery_metrics.hpp"

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <string>

#include "common/observability/metrics.hpp"

namespace shop::notification::delivery {
namespace {

std::string outcome_label(Verdict verdict) {
  switch (verdict) {
    case Verdict::kDelivered:
      return "delivered";
    case Verdict::kRetry:
      return "retry";
    case Verdict::kGiveUp:
      return "given_up";
    case Verdict::kTargetGone:
      return "gone";
  }
  return "unknown";
}

struct Families {
  prometheus::Family<prometheus::Counter>& attempts;
  prometheus::Family<prometheus::Histogram>& durations;
};

Families& families() {
  static Families registered = [] {
    auto& registry = common::obs::Metrics::instance().registry();
    return Families{prometheus::BuildCounter()
                        .Name("shop_notification_attempts_total")
                        .Help("Delivery attempts by channel and what they came to")
                        .Register(registry),
                    prometheus::BuildHistogram()
                        .Name("shop_notification_attempt_seconds")
                        .Help("How long one delivery attempt took, by channel")
                        .Register(registry)};
  }();
  return registered;
}

}  // namespace

void record_attempt_metrics(std::string_view channel, Verdict verdict,
                            std::chrono::milliseconds duration) {
  static const prometheus::Histogram::BucketBoundaries kBuckets{0.01, 0.05, 0.1, 0.25, 0.5,
                                                                1,    2.5,  5,   10};
  auto& metrics = families();
  const std::string channel_label(channel);
  metrics.attempts.Add({{"channel", channel_label}, {"outcome", outcome_label(verdict)}})
      .Increment();
  metrics.durations.Add({{"channel", channel_label}}, kBuckets)
      .Observe(static_cast<double>(duration.count()) / 1000.0);
}

}  // namespace shop::notification::delivery
