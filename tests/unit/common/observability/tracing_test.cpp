#include "common/observability/tracing.hpp"

#include <gtest/gtest.h>
#include <opentelemetry/exporters/memory/in_memory_span_data.h>
#include <opentelemetry/exporters/memory/in_memory_span_exporter_factory.h>
#include <opentelemetry/sdk/resource/resource.h>
#include <opentelemetry/sdk/trace/samplers/always_on_factory.h>
#include <opentelemetry/sdk/trace/samplers/parent_factory.h>
#include <opentelemetry/sdk/trace/simple_processor_factory.h>
#include <opentelemetry/sdk/trace/span_data.h>
#include <opentelemetry/sdk/trace/tracer_provider_factory.h>
#include <opentelemetry/trace/noop.h>
#include <opentelemetry/trace/provider.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/observability/logger.hpp"

namespace shop::common::obs {
namespace {

namespace otel = opentelemetry;
using otel::sdk::trace::SpanData;

const TraceContext kRemoteParent{"4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true};

template <class Id>
std::string hex(const Id& id) {
  std::string out(2 * Id::kSize, '0');
  id.ToLowerBase16(otel::nostd::span<char, 2 * Id::kSize>(out.data(), out.size()));
  return out;
}

std::string string_attribute(const SpanData& span, const std::string& key) {
  const auto& attributes = span.GetAttributes();
  const auto found = attributes.find(key);
  if (found == attributes.end()) return "<missing>";
  return otel::nostd::get<std::string>(found->second);
}

std::int64_t int_attribute(const SpanData& span, const std::string& key) {
  return otel::nostd::get<std::int64_t>(span.GetAttributes().at(key));
}

// --- tracing off ---------------------------------------------------------------------

TEST(TracingOffTest, ContinuesTheIncomingTraceWithANewSpan) {
  ASSERT_FALSE(tracing_enabled());
  const Span span = Span::start_server("GET /x", &kRemoteParent);
  EXPECT_FALSE(span.recording());
  EXPECT_EQ(span.context().trace_id, kRemoteParent.trace_id);
  EXPECT_NE(span.context().span_id, kRemoteParent.span_id);
  EXPECT_TRUE(span.context().sampled);
  EXPECT_TRUE(parse_traceparent(to_traceparent(span.context())));
}

TEST(TracingOffTest, StartsANewTraceWithoutAParent) {
  const Span span = Span::start_client("/pkg.Service/Method", nullptr);
  EXPECT_FALSE(span.recording());
  EXPECT_TRUE(parse_traceparent(to_traceparent(span.context())));
  EXPECT_NE(span.context().trace_id, kRemoteParent.trace_id);
}

TEST(TracingOffTest, ADefaultSpanIsEmptyAndInert) {
  Span span;
  span.set_attribute("k", "v");
  span.set_error("ignored");
  span.end();
  EXPECT_EQ(span.context(), TraceContext{});
  EXPECT_FALSE(span.recording());
}

// --- tracing on, spans in memory ------------------------------------------------------

// The SDK configured as init_tracing does (parent-based sampling), but exporting each
// span synchronously into memory, so a test reads exactly what would have been sent.
class TracingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto exporter = otel::exporter::memory::InMemorySpanExporterFactory::Create(exported_);
    std::shared_ptr<otel::sdk::trace::Sampler> always_on =
        otel::sdk::trace::AlwaysOnSamplerFactory::Create();
    std::shared_ptr<otel::trace::TracerProvider> provider =
        otel::sdk::trace::TracerProviderFactory::Create(
            otel::sdk::trace::SimpleSpanProcessorFactory::Create(std::move(exporter)),
            otel::sdk::resource::Resource::Create({{"service.name", "test"}}),
            otel::sdk::trace::ParentBasedSamplerFactory::Create(always_on));
    otel::trace::Provider::SetTracerProvider(
        otel::nostd::shared_ptr<otel::trace::TracerProvider>(provider));
    init_tracing_with_global_provider();
  }

  void TearDown() override {
    shutdown_tracing();
    otel::trace::Provider::SetTracerProvider(otel::nostd::shared_ptr<otel::trace::TracerProvider>(
        new otel::trace::NoopTracerProvider()));
  }

  std::vector<std::unique_ptr<SpanData>> take_exported() { return exported_->GetSpans(); }

  std::shared_ptr<otel::exporter::memory::InMemorySpanData> exported_;
};

TEST_F(TracingTest, AServerSpanIsAChildOfTheRemoteParentAndExportsItsOwnContext) {
  ASSERT_TRUE(tracing_enabled());
  Span span = Span::start_server("GET /api/v1/users/me", &kRemoteParent);
  ASSERT_TRUE(span.recording());
  const TraceContext context = span.context();
  span.end();

  const auto spans = take_exported();
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(std::string(spans[0]->GetName()), "GET /api/v1/users/me");
  EXPECT_EQ(spans[0]->GetSpanKind(), otel::trace::SpanKind::kServer);
  EXPECT_EQ(hex(spans[0]->GetTraceId()), kRemoteParent.trace_id);
  EXPECT_EQ(hex(spans[0]->GetParentSpanId()), kRemoteParent.span_id);
  EXPECT_EQ(context.trace_id, kRemoteParent.trace_id);
  EXPECT_EQ(hex(spans[0]->GetSpanId()), context.span_id);
  EXPECT_TRUE(context.sampled);
}

TEST_F(TracingTest, AClientSpanIsAChildOfTheServerSpanItIsStartedFrom) {
  Span server = Span::start_server("GET /api/v1/users/me", &kRemoteParent);
  Span client = Span::start_client("shop.user.v1.UserService/GetMe", &server.context());
  const TraceContext client_context = client.context();
  client.end();
  server.end();

  const auto spans = take_exported();
  ASSERT_EQ(spans.size(), 2u);
  const SpanData& exported_client = *spans[0];
  const SpanData& exported_server = *spans[1];
  EXPECT_EQ(exported_client.GetSpanKind(), otel::trace::SpanKind::kClient);
  EXPECT_EQ(hex(exported_client.GetSpanId()), client_context.span_id);
  EXPECT_EQ(hex(exported_client.GetParentSpanId()), hex(exported_server.GetSpanId()));
  EXPECT_EQ(hex(exported_client.GetTraceId()), kRemoteParent.trace_id);
  EXPECT_EQ(hex(exported_server.GetTraceId()), kRemoteParent.trace_id);
}

TEST_F(TracingTest, WithoutAParentASpanStartsANewTrace) {
  Span span = Span::start_server("GET /health", nullptr);
  const TraceContext context = span.context();
  span.end();

  const auto spans = take_exported();
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_FALSE(spans[0]->GetParentSpanId().IsValid());
  EXPECT_EQ(hex(spans[0]->GetTraceId()), context.trace_id);
  EXPECT_NE(context.trace_id, kRemoteParent.trace_id);
  EXPECT_TRUE(parse_traceparent(to_traceparent(context)));
}

TEST_F(TracingTest, AnUnsampledCallerIsFollowedAndNothingIsExported) {
  const TraceContext unsampled{kRemoteParent.trace_id, kRemoteParent.span_id, false};
  Span span = Span::start_server("GET /x", &unsampled);
  EXPECT_EQ(span.context().trace_id, unsampled.trace_id);
  EXPECT_NE(span.context().span_id, unsampled.span_id);
  EXPECT_FALSE(span.context().sampled);
  EXPECT_FALSE(span.recording());
  span.end();
  EXPECT_TRUE(take_exported().empty());
}

TEST_F(TracingTest, RecordsAttributesAndKeepsTheFirstErrorDescription) {
  Span span = Span::start_server("GET /x", &kRemoteParent);
  span.set_attribute("http.route", "/x");
  span.set_attribute("http.response.status_code", std::int64_t{503});
  span.set_error("upstream unavailable");
  span.set_error();
  span.end();

  const auto spans = take_exported();
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(string_attribute(*spans[0], "http.route"), "/x");
  EXPECT_EQ(int_attribute(*spans[0], "http.response.status_code"), 503);
  EXPECT_EQ(spans[0]->GetStatus(), otel::trace::StatusCode::kError);
  EXPECT_EQ(std::string(spans[0]->GetDescription()), "upstream unavailable");
}

TEST_F(TracingTest, ASpanEndsExactlyOnceHoweverItIsMovedOrEnded) {
  {
    Span first = Span::start_client("a", &kRemoteParent);
    Span moved = std::move(first);
    moved.end();
    moved.end();
  }
  EXPECT_EQ(take_exported().size(), 1u);

  { const Span scoped = Span::start_client("b", &kRemoteParent); }
  EXPECT_EQ(take_exported().size(), 1u) << "the destructor ends an open span";

  Span target = Span::start_client("c", &kRemoteParent);
  target = Span::start_client("d", &kRemoteParent);
  const auto replaced = take_exported();
  ASSERT_EQ(replaced.size(), 1u);
  EXPECT_EQ(std::string(replaced[0]->GetName()), "c");
  target.end();
  EXPECT_EQ(take_exported().size(), 1u);
}

TEST_F(TracingTest, ShutdownTurnsTracingOffButIdsStillPropagate) {
  shutdown_tracing();
  EXPECT_FALSE(tracing_enabled());
  Span span = Span::start_server("GET /x", &kRemoteParent);
  EXPECT_FALSE(span.recording());
  EXPECT_EQ(span.context().trace_id, kRemoteParent.trace_id);
  span.end();
  EXPECT_TRUE(take_exported().empty());
}

// --- configuration -------------------------------------------------------------------

config::EnvReader env_of(std::map<std::string, std::string> values) {
  return config::EnvReader([values = std::move(values)](std::string_view name) {
    const auto found = values.find(std::string(name));
    return found == values.end() ? std::nullopt : std::optional<std::string>(found->second);
  });
}

TEST(TracingConfigTest, DefaultsLeaveTracingOff) {
  auto env = env_of({});
  const auto config = TracingConfig::from_env("svc", env);
  EXPECT_TRUE(env.ok());
  EXPECT_EQ(config.service_name, "svc");
  EXPECT_EQ(config.endpoint, "");
  EXPECT_EQ(config.protocol, TracingConfig::Protocol::kHttpProtobuf);
  EXPECT_EQ(config.sampler_ratio, 1.0);
  EXPECT_EQ(config.schedule_delay, std::chrono::milliseconds(5000));
}

TEST(TracingConfigTest, ReadsTheStandardVariables) {
  auto env = env_of({{"OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318"},
                     {"OTEL_EXPORTER_OTLP_PROTOCOL", "http/json"},
                     {"OTEL_TRACES_SAMPLER_ARG", "0.25"},
                     {"OTEL_BSP_SCHEDULE_DELAY", "100"}});
  const auto config = TracingConfig::from_env("svc", env);
  EXPECT_TRUE(env.ok());
  EXPECT_EQ(config.endpoint, "http://127.0.0.1:4318");
  EXPECT_EQ(config.protocol, TracingConfig::Protocol::kHttpJson);
  EXPECT_EQ(config.sampler_ratio, 0.25);
  EXPECT_EQ(config.schedule_delay, std::chrono::milliseconds(100));
}

TEST(TracingConfigTest, InvalidValuesAreReported) {
  auto env = env_of({{"OTEL_EXPORTER_OTLP_PROTOCOL", "thrift"},
                     {"OTEL_TRACES_SAMPLER_ARG", "1.5"},
                     {"OTEL_BSP_SCHEDULE_DELAY", "soon"}});
  TracingConfig::from_env("svc", env);
  EXPECT_EQ(env.errors().size(), 3u);
}

TEST(TracingConfigTest, SdkDisabledWins) {
  auto env = env_of(
      {{"OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318"}, {"OTEL_SDK_DISABLED", "true"}});
  EXPECT_EQ(TracingConfig::from_env("svc", env).endpoint, "");
}

// --- the real OTLP exporter ----------------------------------------------------------

// Port 1 on loopback refuses connections: the exporter fails at once, which must neither
// hold up shutdown nor reach stderr outside the JSON log lines.
TEST(OtlpExportTest, AnUnreachableCollectorIsLoggedAndDoesNotHoldUpShutdown) {
  auto lines = std::make_shared<std::vector<std::string>>();
  auto mutex = std::make_shared<std::mutex>();
  init_logging("test", Level::kInfo, [lines, mutex](std::string_view line) {
    std::lock_guard lock(*mutex);
    lines->emplace_back(line);
  });
  TracingConfig config;
  config.service_name = "test";
  config.endpoint = "http://127.0.0.1:1";
  config.schedule_delay = std::chrono::milliseconds(10);
  init_tracing(config);
  ASSERT_TRUE(tracing_enabled());
  Span span = Span::start_server("GET /x", &kRemoteParent);
  EXPECT_TRUE(span.recording());
  EXPECT_EQ(span.context().trace_id, kRemoteParent.trace_id);
  span.end();

  const auto started = std::chrono::steady_clock::now();
  shutdown_tracing(std::chrono::seconds(2));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
  EXPECT_FALSE(tracing_enabled());
  init_logging("test", Level::kInfo);

  std::lock_guard lock(*mutex);
  bool sdk_line = false;
  for (const auto& line : *lines) {
    sdk_line = sdk_line || line.find("\"msg\":\"opentelemetry sdk\"") != std::string::npos;
  }
  EXPECT_TRUE(sdk_line) << "the export failure should be one of our log lines";
}

}  // namespace
}  // namespace shop::common::obs
