#pragma once
// The process's Prometheus registry and the RED instruments every service shares,
// declared in one place so names, labels and buckets agree across services:
//
//   shop_http_requests_total{method,route,status}         counter
//   shop_http_request_duration_seconds{method,route}      histogram, 1 ms .. 5 s
//   shop_grpc_client_requests_total{method,code}          counter
//   shop_grpc_client_request_duration_seconds{method}     histogram
//   shop_grpc_server_requests_total{method,code}          counter
//   shop_grpc_server_request_duration_seconds{method}     histogram
//   shop_circuit_breaker_state{upstream}                  gauge: 0 closed, 1 half-open, 2 open
//
// Label values must come from small fixed sets: `route` is the route template
// ("/api/v1/products/{id}"), never the raw path, or series multiply without bound.
// Business metrics register their own families on registry().
//
// Thread-safe. Each label set is resolved once and cached, so repeated observations
// cost a shared-lock lookup plus the atomic update.

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "common/resilience/breaker_state.hpp"

namespace prometheus {
class Registry;
}  // namespace prometheus

namespace shop::common::obs {

// The canonical name of a gRPC status code ("OK", "DEADLINE_EXCEEDED"); "UNKNOWN" for
// values outside the 17 defined codes.
std::string_view grpc_code_name(int code);

class Metrics {
 public:
  // The registry /metrics serves.
  static Metrics& instance();

  // A separate registry, for tests.
  Metrics();
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  prometheus::Registry& registry();

  // Prometheus text exposition format (version 0.0.4).
  std::string render() const;

  void observe_http(std::string_view method, std::string_view route, int status, double seconds);
  // `code` is the gRPC status name, e.g. "OK", "UNAVAILABLE"; the int overloads take
  // grpc::StatusCode values and label them by name.
  void observe_grpc_client(std::string_view method, std::string_view code, double seconds);
  void observe_grpc_client(std::string_view method, int code, double seconds);
  void observe_grpc_server(std::string_view method, std::string_view code, double seconds);
  void observe_grpc_server(std::string_view method, int code, double seconds);
  void set_circuit_breaker_state(std::string_view upstream, resilience::BreakerState state);

  // A listener for CircuitBreaker that keeps this upstream's gauge current. Sets the
  // gauge to closed at once, the state every new breaker starts in.
  std::function<void(resilience::BreakerState, resilience::BreakerState)> breaker_listener(
      std::string upstream);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace shop::common::obs
