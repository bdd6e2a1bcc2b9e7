#include "common/observability/metrics.hpp"

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <array>
#include <initializer_list>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>
#include <utility>

namespace shop::common::obs {
namespace {

// Spans a cache hit (~1 ms) to a slow upstream near a typical 5 s deadline.
const prometheus::Histogram::BucketBoundaries& latency_buckets() {
  static const prometheus::Histogram::BucketBoundaries buckets{
      0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0};
  return buckets;
}

// Label values joined with a byte that cannot appear in them, as a cache key.
std::string series_key(std::initializer_list<std::string_view> values) {
  std::string key;
  for (std::string_view value : values) {
    key.append(value).push_back('\x1f');
  }
  return key;
}

// Family::Add hashes the whole label map under the family's mutex on every call; a
// map keyed by the joined values and read under a shared lock keeps the hot path
// cheap and contention-free once a series exists. Series are never removed, so the
// cached pointers stay valid.
template <class Metric>
class SeriesCache {
 public:
  template <class Create>
  Metric& get(std::string key, Create&& create) {
    {
      std::shared_lock lock(mutex_);
      if (const auto it = series_.find(key); it != series_.end()) {
        return *it->second;
      }
    }
    std::unique_lock lock(mutex_);
    if (const auto it = series_.find(key); it != series_.end()) {
      return *it->second;
    }
    Metric& metric = create();
    series_.emplace(std::move(key), &metric);
    return metric;
  }

 private:
  std::shared_mutex mutex_;
  std::unordered_map<std::string, Metric*> series_;
};

// One request/latency pair: a counter labelled with the outcome and a histogram
// without it, since per-outcome latency buckets would multiply series for little use.
struct RedInstruments {
  prometheus::Family<prometheus::Counter>& requests;
  prometheus::Family<prometheus::Histogram>& durations;
  SeriesCache<prometheus::Counter> request_series;
  SeriesCache<prometheus::Histogram> duration_series;
};

// Indexed by the numeric code, as fixed by the gRPC protocol.
constexpr std::array<std::string_view, 17> kGrpcCodeNames = {
    "OK",
    "CANCELLED",
    "UNKNOWN",
    "INVALID_ARGUMENT",
    "DEADLINE_EXCEEDED",
    "NOT_FOUND",
    "ALREADY_EXISTS",
    "PERMISSION_DENIED",
    "RESOURCE_EXHAUSTED",
    "FAILED_PRECONDITION",
    "ABORTED",
    "OUT_OF_RANGE",
    "UNIMPLEMENTED",
    "INTERNAL",
    "UNAVAILABLE",
    "DATA_LOSS",
    "UNAUTHENTICATED",
};

double gauge_value(resilience::BreakerState state) {
  switch (state) {
    case resilience::BreakerState::kClosed:
      return 0;
    case resilience::BreakerState::kHalfOpen:
      return 1;
    case resilience::BreakerState::kOpen:
      return 2;
  }
  return 0;
}

}  // namespace

std::string_view grpc_code_name(int code) {
  if (code < 0 || code >= static_cast<int>(kGrpcCodeNames.size())) {
    return "UNKNOWN";
  }
  return kGrpcCodeNames[static_cast<std::size_t>(code)];
}

struct Metrics::Impl {
  Impl()
      : registry(std::make_shared<prometheus::Registry>()),
        http{prometheus::BuildCounter()
                 .Name("shop_http_requests_total")
                 .Help("HTTP requests handled, by method, route template and status code.")
                 .Register(*registry),
             prometheus::BuildHistogram()
                 .Name("shop_http_request_duration_seconds")
                 .Help("HTTP request handling time in seconds, by method and route template.")
                 .Register(*registry),
             {},
             {}},
        grpc_client{prometheus::BuildCounter()
                        .Name("shop_grpc_client_requests_total")
                        .Help("Outgoing gRPC calls completed, by method and status code.")
                        .Register(*registry),
                    prometheus::BuildHistogram()
                        .Name("shop_grpc_client_request_duration_seconds")
                        .Help("Outgoing gRPC call time in seconds, by method.")
                        .Register(*registry),
                    {},
                    {}},
        grpc_server{prometheus::BuildCounter()
                        .Name("shop_grpc_server_requests_total")
                        .Help("Incoming gRPC calls handled, by method and status code.")
                        .Register(*registry),
                    prometheus::BuildHistogram()
                        .Name("shop_grpc_server_request_duration_seconds")
                        .Help("Incoming gRPC call handling time in seconds, by method.")
                        .Register(*registry),
                    {},
                    {}},
        breaker_state(
            prometheus::BuildGauge()
                .Name("shop_circuit_breaker_state")
                .Help("Circuit breaker state per upstream: 0 closed, 1 half-open, 2 open.")
                .Register(*registry)) {}

  // Client and server share one label shape: {method, code} and {method}.
  static void observe_grpc(RedInstruments& red, std::string_view method, std::string_view code,
                           double seconds) {
    red.request_series
        .get(series_key({method, code}),
             [&]() -> prometheus::Counter& {
               return red.requests.Add(
                   {{"method", std::string(method)}, {"code", std::string(code)}});
             })
        .Increment();
    red.duration_series
        .get(series_key({method}),
             [&]() -> prometheus::Histogram& {
               return red.durations.Add({{"method", std::string(method)}}, latency_buckets());
             })
        .Observe(seconds);
  }

  std::shared_ptr<prometheus::Registry> registry;
  RedInstruments http;
  RedInstruments grpc_client;
  RedInstruments grpc_server;
  prometheus::Family<prometheus::Gauge>& breaker_state;
  SeriesCache<prometheus::Gauge> breaker_series;
};

Metrics& Metrics::instance() {
  static Metrics metrics;
  return metrics;
}

Metrics::Metrics() : impl_(std::make_unique<Impl>()) {}
Metrics::~Metrics() = default;

prometheus::Registry& Metrics::registry() { return *impl_->registry; }

std::string Metrics::render() const {
  return prometheus::TextSerializer().Serialize(impl_->registry->Collect());
}

void Metrics::observe_http(std::string_view method, std::string_view route, int status,
                           double seconds) {
  RedInstruments& red = impl_->http;
  const std::string status_text = std::to_string(status);
  red.request_series
      .get(series_key({method, route, status_text}),
           [&]() -> prometheus::Counter& {
             return red.requests.Add({{"method", std::string(method)},
                                      {"route", std::string(route)},
                                      {"status", status_text}});
           })
      .Increment();
  red.duration_series
      .get(series_key({method, route}),
           [&]() -> prometheus::Histogram& {
             return red.durations.Add(
                 {{"method", std::string(method)}, {"route", std::string(route)}},
                 latency_buckets());
           })
      .Observe(seconds);
}

void Metrics::observe_grpc_client(std::string_view method, std::string_view code, double seconds) {
  Impl::observe_grpc(impl_->grpc_client, method, code, seconds);
}

void Metrics::observe_grpc_server(std::string_view method, std::string_view code, double seconds) {
  Impl::observe_grpc(impl_->grpc_server, method, code, seconds);
}

void Metrics::observe_grpc_client(std::string_view method, int code, double seconds) {
  observe_grpc_client(method, grpc_code_name(code), seconds);
}

void Metrics::observe_grpc_server(std::string_view method, int code, double seconds) {
  observe_grpc_server(method, grpc_code_name(code), seconds);
}

void Metrics::set_circuit_breaker_state(std::string_view upstream, resilience::BreakerState state) {
  impl_->breaker_series
      .get(series_key({upstream}),
           [&]() -> prometheus::Gauge& {
             return impl_->breaker_state.Add({{"upstream", std::string(upstream)}});
           })
      .Set(gauge_value(state));
}

std::function<void(resilience::BreakerState, resilience::BreakerState)> Metrics::breaker_listener(
    std::string upstream) {
  set_circuit_breaker_state(upstream, resilience::BreakerState::kClosed);
  return [this, upstream = std::move(upstream)](resilience::BreakerState,
                                                resilience::BreakerState to) {
    set_circuit_breaker_state(upstream, to);
  };
}

}  // namespace shop::common::obs
