#include "common/observability/tracing.hpp"

#include <opentelemetry/context/context.h>
#include <opentelemetry/exporters/otlp/otlp_grpc_exporter_factory.h>
#include <opentelemetry/exporters/otlp/otlp_grpc_exporter_options.h>
#include <opentelemetry/exporters/otlp/otlp_http_exporter_factory.h>
#include <opentelemetry/exporters/otlp/otlp_http_exporter_options.h>
#include <opentelemetry/sdk/common/global_log_handler.h>
#include <opentelemetry/sdk/resource/resource.h>
#include <opentelemetry/sdk/trace/batch_span_processor_factory.h>
#include <opentelemetry/sdk/trace/batch_span_processor_options.h>
#include <opentelemetry/sdk/trace/samplers/parent_factory.h>
#include <opentelemetry/sdk/trace/samplers/trace_id_ratio_factory.h>
#include <opentelemetry/sdk/trace/tracer_provider.h>
#include <opentelemetry/sdk/trace/tracer_provider_factory.h>
#include <opentelemetry/trace/provider.h>
#include <opentelemetry/trace/span.h>
#include <opentelemetry/trace/span_context.h>
#include <opentelemetry/trace/span_metadata.h>
#include <opentelemetry/trace/tracer.h>

#include <array>
#include <atomic>
#include <optional>
#include <utility>

#include "common/observability/logger.hpp"

namespace shop::common::obs {
namespace {

namespace otel = opentelemetry;
namespace otel_sdk = opentelemetry::sdk;
namespace otlp = opentelemetry::exporter::otlp;

// The instrumentation scope every span of ours reports.
constexpr std::string_view kScopeName = "shop.common";

struct Tracing {
  std::shared_ptr<otel_sdk::trace::TracerProvider> owned_provider;  // null for a global one
  otel::nostd::shared_ptr<otel::trace::Tracer> tracer;
};

// The flag alone decides the off path, so a disabled process pays one relaxed load per
// span; the state is read only when it is set.
std::atomic<bool> g_enabled{false};
std::atomic<std::shared_ptr<const Tracing>> g_tracing;

otel::nostd::string_view view(std::string_view text) { return {text.data(), text.size()}; }

int hex_value(char c) { return c <= '9' ? c - '0' : c - 'a' + 10; }

// `hex` is lowercase and twice `out`'s size: TraceContext guarantees both.
template <std::size_t N>
std::array<std::uint8_t, N> from_hex(std::string_view hex) {
  std::array<std::uint8_t, N> out{};
  if (hex.size() != 2 * N) return out;
  for (std::size_t i = 0; i < N; ++i) {
    out[i] = static_cast<std::uint8_t>(hex_value(hex[2 * i]) << 4 | hex_value(hex[2 * i + 1]));
  }
  return out;
}

otel::trace::SpanContext remote_parent(const TraceContext& parent) {
  const auto trace_id = from_hex<otel::trace::TraceId::kSize>(parent.trace_id);
  const auto span_id = from_hex<otel::trace::SpanId::kSize>(parent.span_id);
  return {otel::trace::TraceId(trace_id), otel::trace::SpanId(span_id),
          otel::trace::TraceFlags(parent.sampled ? otel::trace::TraceFlags::kIsSampled : 0),
          /*is_remote=*/true};
}

TraceContext to_trace_context(const otel::trace::SpanContext& context) {
  TraceContext out;
  out.trace_id.resize(2 * otel::trace::TraceId::kSize);
  out.span_id.resize(2 * otel::trace::SpanId::kSize);
  context.trace_id().ToLowerBase16(otel::nostd::span<char, 2 * otel::trace::TraceId::kSize>(
      out.trace_id.data(), out.trace_id.size()));
  context.span_id().ToLowerBase16(otel::nostd::span<char, 2 * otel::trace::SpanId::kSize>(
      out.span_id.data(), out.span_id.size()));
  out.sampled = context.IsSampled();
  return out;
}

otel::trace::SpanKind to_otel(SpanKind kind) {
  switch (kind) {
    case SpanKind::kServer:
      return otel::trace::SpanKind::kServer;
    case SpanKind::kClient:
      return otel::trace::SpanKind::kClient;
    case SpanKind::kInternal:
      break;
  }
  return otel::trace::SpanKind::kInternal;
}

// The SDK reports export failures itself, on stderr by default; that would break the
// one-JSON-object-per-line log format, so its messages become our log lines.
class SdkLogHandler final : public otel_sdk::common::internal_log::LogHandler {
 public:
  void Handle(otel_sdk::common::internal_log::LogLevel level, const char* /*file*/, int /*line*/,
              const char* msg,
              const otel_sdk::common::AttributeMap& /*attributes*/) noexcept override {
    try {
      const bool is_error = level == otel_sdk::common::internal_log::LogLevel::Error;
      log(is_error ? Level::kError : Level::kWarn, "opentelemetry sdk",
          {{"detail", msg == nullptr ? "" : msg}});
    } catch (...) {
      // A log line that cannot be built is lost; the exporter must not die of it.
    }
  }
};

std::string traces_url(std::string_view endpoint) {
  std::string url(endpoint);
  if (!url.ends_with('/')) url.push_back('/');
  return url + "v1/traces";
}

std::unique_ptr<otel_sdk::trace::SpanExporter> make_exporter(const TracingConfig& config) {
  if (config.protocol == TracingConfig::Protocol::kGrpc) {
    otlp::OtlpGrpcExporterOptions options;
    options.endpoint = config.endpoint;
    options.use_ssl_credentials = config.endpoint.starts_with("https://");
    return otlp::OtlpGrpcExporterFactory::Create(options);
  }
  otlp::OtlpHttpExporterOptions options;
  options.url = traces_url(config.endpoint);
  options.content_type = config.protocol == TracingConfig::Protocol::kHttpJson
                             ? otlp::HttpRequestContentType::kJson
                             : otlp::HttpRequestContentType::kBinary;
  // OTLP/JSON encodes ids as hex strings, not protobuf JSON's base64, and names fields in
  // lowerCamelCase.
  options.json_bytes_mapping = otlp::JsonBytesMappingKind::kHexId;
  options.use_json_name = true;
  return otlp::OtlpHttpExporterFactory::Create(options);
}

void install(std::shared_ptr<const Tracing> tracing) {
  const bool enabled = tracing != nullptr;
  auto previous = g_tracing.exchange(std::move(tracing), std::memory_order_acq_rel);
  g_enabled.store(enabled, std::memory_order_release);
  if (previous && previous->owned_provider) {
    previous->owned_provider->ForceFlush();
    previous->owned_provider->Shutdown();
  }
}

std::optional<TracingConfig::Protocol> parse_protocol(std::string_view text) {
  if (text == "http/protobuf") return TracingConfig::Protocol::kHttpProtobuf;
  if (text == "http/json") return TracingConfig::Protocol::kHttpJson;
  if (text == "grpc") return TracingConfig::Protocol::kGrpc;
  return std::nullopt;
}

std::string_view protocol_name(TracingConfig::Protocol protocol) {
  switch (protocol) {
    case TracingConfig::Protocol::kHttpJson:
      return "http/json";
    case TracingConfig::Protocol::kGrpc:
      return "grpc";
    case TracingConfig::Protocol::kHttpProtobuf:
      break;
  }
  return "http/protobuf";
}

}  // namespace

TracingConfig TracingConfig::from_env(std::string service_name, config::EnvReader& env) {
  TracingConfig config;
  config.service_name = std::move(service_name);
  const bool sdk_disabled = env.flag("OTEL_SDK_DISABLED", false);
  config.endpoint = env.string("OTEL_EXPORTER_OTLP_ENDPOINT", "");
  if (sdk_disabled) config.endpoint.clear();
  config.protocol = *parse_protocol(env.one_of("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                                               {"http/protobuf", "http/json", "grpc"}));
  config.sampler_ratio = env.number("OTEL_TRACES_SAMPLER_ARG", 1.0, 0.0, 1.0);
  config.schedule_delay = env.millis("OTEL_BSP_SCHEDULE_DELAY", std::chrono::milliseconds(5000));
  return config;
}

void init_tracing(std::string service_name) {
  config::EnvReader env;
  const auto config = TracingConfig::from_env(std::move(service_name), env);
  auto problems = env.errors();
  if (!config.endpoint.empty() && !config.endpoint.starts_with("http://") &&
      !config.endpoint.starts_with("https://")) {
    problems.push_back("OTEL_EXPORTER_OTLP_ENDPOINT: expected an http:// or https:// URL, got '" +
                       config.endpoint + "'");
  }
  if (!problems.empty()) throw config::ConfigError(std::move(problems));
  init_tracing(config);
}

void init_tracing(const TracingConfig& config) {
  if (config.endpoint.empty()) {
    install(nullptr);
    return;
  }
  otel_sdk::common::internal_log::GlobalLogHandler::SetLogHandler(
      otel::nostd::shared_ptr<otel_sdk::common::internal_log::LogHandler>(new SdkLogHandler));
  otel_sdk::common::internal_log::GlobalLogHandler::SetLogLevel(
      otel_sdk::common::internal_log::LogLevel::Warning);

  otel_sdk::trace::BatchSpanProcessorOptions batch;
  batch.schedule_delay_millis = config.schedule_delay;
  auto processor = otel_sdk::trace::BatchSpanProcessorFactory::Create(make_exporter(config), batch);
  std::shared_ptr<otel_sdk::trace::Sampler> ratio =
      otel_sdk::trace::TraceIdRatioBasedSamplerFactory::Create(config.sampler_ratio);
  auto sampler = otel_sdk::trace::ParentBasedSamplerFactory::Create(ratio);
  const auto resource =
      otel_sdk::resource::Resource::Create({{"service.name", config.service_name}});

  auto tracing = std::make_shared<Tracing>();
  tracing->owned_provider = otel_sdk::trace::TracerProviderFactory::Create(
      std::move(processor), resource, std::move(sampler));
  tracing->tracer = tracing->owned_provider->GetTracer(view(kScopeName));
  install(std::move(tracing));
  info("tracing enabled", {{"endpoint", config.endpoint},
                           {"protocol", std::string(protocol_name(config.protocol))},
                           {"sampler_ratio", config.sampler_ratio},
                           {"schedule_delay_ms", config.schedule_delay.count()}});
}

void init_tracing_with_global_provider() {
  auto tracing = std::make_shared<Tracing>();
  tracing->tracer = otel::trace::Provider::GetTracerProvider()->GetTracer(view(kScopeName));
  install(std::move(tracing));
}

void shutdown_tracing(std::chrono::milliseconds timeout) {
  g_enabled.store(false, std::memory_order_release);
  auto tracing = g_tracing.exchange(nullptr, std::memory_order_acq_rel);
  if (tracing && tracing->owned_provider) {
    tracing->owned_provider->ForceFlush(timeout);
    tracing->owned_provider->Shutdown(timeout);
  }
}

bool tracing_enabled() { return g_enabled.load(std::memory_order_relaxed); }

// --- Span ---------------------------------------------------------------------------

struct Span::Recording {
  otel::nostd::shared_ptr<otel::trace::Span> span;
};

Span::Span() = default;
Span::Span(TraceContext context, std::unique_ptr<Recording> recording)
    : context_(std::move(context)), recording_(std::move(recording)) {}
Span::Span(Span&& other) noexcept = default;
Span::~Span() { end(); }

Span& Span::operator=(Span&& other) noexcept {
  if (this != &other) {
    end();
    context_ = std::move(other.context_);
    recording_ = std::move(other.recording_);
    failed_ = other.failed_;
  }
  return *this;
}

Span Span::start(SpanKind kind, std::string_view name, const TraceContext* parent) {
  std::shared_ptr<const Tracing> tracing;
  if (g_enabled.load(std::memory_order_relaxed))
    tracing = g_tracing.load(std::memory_order_acquire);
  if (!tracing) return Span(parent ? child_of(*parent) : new_root(), nullptr);

  otel::trace::StartSpanOptions options;
  options.kind = to_otel(kind);
  const auto remote = parent ? remote_parent(*parent) : otel::trace::SpanContext::GetInvalid();
  if (remote.IsValid()) {
    options.parent = remote;
  } else {
    // Explicitly a root: without it the SDK would adopt the thread's active span, which
    // means nothing here since coroutines hop between threads.
    options.parent = otel::context::Context{}.SetValue(otel::trace::kIsRootSpanKey, true);
  }
  auto span = tracing->tracer->StartSpan(view(name), options);
  auto context = to_trace_context(span->GetContext());
  // A span the sampler dropped still has ids to propagate, but nothing to record.
  if (!span->IsRecording()) return Span(std::move(context), nullptr);
  return Span(std::move(context), std::make_unique<Recording>(Recording{std::move(span)}));
}

void Span::set_attribute(std::string_view key, std::string_view value) {
  if (recording_) recording_->span->SetAttribute(view(key), view(value));
}

void Span::set_attribute(std::string_view key, std::int64_t value) {
  if (recording_) recording_->span->SetAttribute(view(key), value);
}

void Span::set_error(std::string_view description) {
  if (failed_) return;
  failed_ = true;
  if (recording_) recording_->span->SetStatus(otel::trace::StatusCode::kError, view(description));
}

void Span::end() {
  if (!recording_) return;
  recording_->span->End();
  recording_.reset();
}

}  // namespace shop::common::obs
