#pragma once
// OpenTelemetry traces, exported over OTLP. The ids a Span gets are the ones that go
// downstream in `traceparent` and into log lines, so a trace runs unbroken from hop to
// hop and its log lines can be found by its ids.
//
// The OpenTelemetry SDK stays behind this header (its headers are heavy to compile).
// Without OTEL_EXPORTER_OTLP_ENDPOINT tracing is off, and a Span is only a fresh span id
// in the trace that came in: as cheap as propagation was before tracing existed.
//
// Typical use, in middleware and shared clients rather than handlers:
//   auto span = Span::start_server("GET /api/v1/products/{id}", incoming ? &*incoming : nullptr);
//   context.trace = span.context();  // what logs and outgoing calls carry
//   span.set_attribute("http.response.status_code", 200);

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "common/config/env_reader.hpp"
#include "common/observability/trace_context.hpp"

namespace shop::common::obs {

// The standard OpenTelemetry variables this process honours (see README).
struct TracingConfig {
  enum class Protocol { kHttpProtobuf, kHttpJson, kGrpc };

  std::string service_name;
  std::string endpoint;  // OTLP base URL; empty turns tracing off
  Protocol protocol = Protocol::kHttpProtobuf;
  double sampler_ratio = 1.0;  // for new traces; a caller's decision is always followed
  std::chrono::milliseconds schedule_delay{5000};

  // Each invalid variable becomes a problem in `env` (env.throw_if_errors() reports them).
  static TracingConfig from_env(std::string service_name, config::EnvReader& env);
};

// Reads the OTEL_* variables and starts exporting; throws config::ConfigError naming
// every invalid one. Call once at start-up, after init_logging.
void init_tracing(std::string service_name);
void init_tracing(const TracingConfig& config);
// Spans go to the TracerProvider registered with OpenTelemetry's global Provider, which
// the caller configured, resource and exporter included (tests register one with the
// in-memory exporter).
void init_tracing_with_global_provider();
// Exports what is buffered, waiting at most `timeout`, and turns tracing off. Spans
// still open are dropped when they end. Call at process stop.
void shutdown_tracing(std::chrono::milliseconds timeout = std::chrono::seconds(5));
bool tracing_enabled();

enum class SpanKind { kInternal, kServer, kClient };

class Span {
 public:
  // No span at all: records nothing and has an empty context, like a moved-from Span.
  Span();
  // A child of `parent` (the caller's span), or the root of a new trace without one.
  static Span start(SpanKind kind, std::string_view name, const TraceContext* parent);
  static Span start_server(std::string_view name, const TraceContext* parent) {
    return start(SpanKind::kServer, name, parent);
  }
  static Span start_client(std::string_view name, const TraceContext* parent) {
    return start(SpanKind::kClient, name, parent);
  }

  Span(Span&& other) noexcept;
  Span& operator=(Span&& other) noexcept;
  ~Span();

  // This span's ids: what goes downstream in `traceparent` and into log lines.
  const TraceContext& context() const { return context_; }
  // Whether this span will be exported: tracing is on and the trace is sampled.
  bool recording() const { return recording_ != nullptr; }

  // Attribute names follow OpenTelemetry's semantic conventions ("http.route").
  void set_attribute(std::string_view key, std::string_view value);
  void set_attribute(std::string_view key, std::int64_t value);
  // Marks the span failed. The first description given is kept, so the most specific
  // cause, recorded where it happened, is not overwritten by a generic one later.
  void set_error(std::string_view description = {});
  // Ends the span once; later calls do nothing. The destructor ends it too.
  void end();

 private:
  struct Recording;  // the SDK's span, present while tracing is on and the span is open

  Span(TraceContext context, std::unique_ptr<Recording> recording);

  TraceContext context_;
  std::unique_ptr<Recording> recording_;
  bool failed_ = false;
};

}  // namespace shop::common::obs
