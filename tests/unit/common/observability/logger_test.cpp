#include "common/observability/logger.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <chrono>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace shop::common::obs {
namespace {

using std::chrono::milliseconds;
using std::chrono::system_clock;

// 2024-05-01T12:34:56.789Z
const system_clock::time_point kTime =
    system_clock::time_point(std::chrono::sys_days(std::chrono::year(2024) / 5 / 1)) +
    std::chrono::hours(12) + std::chrono::minutes(34) + std::chrono::seconds(56) +
    milliseconds(789);

// Captures lines instead of writing to stderr; restores the defaults afterwards.
class LoggerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    init_logging("test-service", Level::kInfo, [this](std::string_view line) {
      std::lock_guard lock(mutex_);
      lines_.emplace_back(line);
    });
  }
  void TearDown() override { init_logging("unknown", Level::kInfo); }

  std::vector<std::string> lines() {
    std::lock_guard lock(mutex_);
    return lines_;
  }

  std::mutex mutex_;
  std::vector<std::string> lines_;
};

TEST(FormatTimestampTest, Rfc3339UtcWithMilliseconds) {
  EXPECT_EQ(format_timestamp(kTime), "2024-05-01T12:34:56.789Z");
  EXPECT_EQ(format_timestamp(system_clock::time_point{}), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(format_timestamp(kTime + std::chrono::microseconds(999)), "2024-05-01T12:34:56.789Z");
}

TEST(LevelTest, ParsesNamesInAnyCase) {
  EXPECT_EQ(try_parse_level("debug"), Level::kDebug);
  EXPECT_EQ(try_parse_level("INFO"), Level::kInfo);
  EXPECT_EQ(try_parse_level("Warn"), Level::kWarn);
  EXPECT_EQ(try_parse_level("warning"), Level::kWarn);
  EXPECT_EQ(try_parse_level("error"), Level::kError);
  EXPECT_EQ(try_parse_level("verbose"), std::nullopt);
  EXPECT_EQ(parse_level("verbose"), Level::kInfo);
  EXPECT_EQ(parse_level("", Level::kWarn), Level::kWarn);
  EXPECT_EQ(parse_level("error"), Level::kError);
  EXPECT_EQ(to_string(Level::kWarn), "warn");
}

TEST(RenderLogLineTest, FixedKeysComeFirstThenFields) {
  const std::string line = render_log_line(kTime, Level::kWarn, "order-service", "stock low",
                                           {{"sku", "A-1"}, {"left", 2}});
  EXPECT_EQ(line, R"({"ts":"2024-05-01T12:34:56.789Z","level":"warn","service":"order-service",)"
                  R"("msg":"stock low","sku":"A-1","left":2})"
                  "\n");
}

TEST(RenderLogLineTest, EscapesSoEachLineIsOneJsonObject) {
  const std::string line = render_log_line(
      kTime, Level::kError, "svc", "bad \"quote\"\nnew line\t\x01 ünï", {{"path", "C:\\tmp"}});
  ASSERT_EQ(line.back(), '\n');
  EXPECT_EQ(line.find('\n'), line.size() - 1);
  const boost::json::value parsed = boost::json::parse(line);
  EXPECT_EQ(parsed.at("msg").as_string(), "bad \"quote\"\nnew line\t\x01 ünï");
  EXPECT_EQ(parsed.at("path").as_string(), "C:\\tmp");
}

TEST(RenderLogLineTest, FieldsCannotShadowFixedKeys) {
  const boost::json::value parsed = boost::json::parse(render_log_line(
      kTime, Level::kInfo, "svc", "real", {{"msg", "fake"}, {"level", "debug"}, {"ok", true}}));
  EXPECT_EQ(parsed.at("msg").as_string(), "real");
  EXPECT_EQ(parsed.at("level").as_string(), "info");
  EXPECT_EQ(parsed.at("field.msg").as_string(), "fake");
  EXPECT_EQ(parsed.at("field.level").as_string(), "debug");
  EXPECT_TRUE(parsed.at("ok").as_bool());
}

TEST_F(LoggerTest, LogLineCarriesTraceAndRequestIds) {
  const TraceContext trace{"4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true};
  info("order created",
       with_trace(trace, "7d444840-9dc0-41c4-8a6e-1f3b7b2a9e6e", {{"order_id", "o-1"}}));
  ASSERT_EQ(lines().size(), 1u);
  const boost::json::object parsed = boost::json::parse(lines()[0]).as_object();
  EXPECT_EQ(parsed.at("level").as_string(), "info");
  EXPECT_EQ(parsed.at("service").as_string(), "test-service");
  EXPECT_EQ(parsed.at("msg").as_string(), "order created");
  EXPECT_EQ(parsed.at("request_id").as_string(), "7d444840-9dc0-41c4-8a6e-1f3b7b2a9e6e");
  EXPECT_EQ(parsed.at("trace_id").as_string(), trace.trace_id);
  EXPECT_EQ(parsed.at("span_id").as_string(), trace.span_id);
  EXPECT_EQ(parsed.at("order_id").as_string(), "o-1");
  EXPECT_EQ(parsed.at("ts").as_string().size(), std::string("2024-05-01T12:34:56.789Z").size());
}

TEST_F(LoggerTest, WithTraceOmitsAnEmptyRequestId) {
  const boost::json::object fields = with_trace(new_root());
  EXPECT_FALSE(fields.contains("request_id"));
  EXPECT_TRUE(fields.contains("trace_id"));
  EXPECT_TRUE(fields.contains("span_id"));
}

TEST_F(LoggerTest, LinesBelowTheMinimumLevelAreDropped) {
  debug("hidden");
  info("shown");
  warn("shown too");
  error("and this");
  ASSERT_EQ(lines().size(), 3u);
  EXPECT_FALSE(log_enabled(Level::kDebug));
  EXPECT_TRUE(log_enabled(Level::kError));
  init_logging("test-service", Level::kError, [this](std::string_view line) {
    std::lock_guard lock(mutex_);
    lines_.emplace_back(line);
  });
  warn("now hidden");
  log(Level::kError, "still shown");
  EXPECT_EQ(lines().size(), 4u);
}

TEST_F(LoggerTest, ConcurrentLinesStayWhole) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t] {
      for (int i = 0; i < 250; ++i) {
        info("tick", {{"thread", t}, {"i", i}});
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  const auto captured = lines();
  ASSERT_EQ(captured.size(), 1000u);
  std::set<std::pair<std::int64_t, std::int64_t>> seen;
  for (const std::string& line : captured) {
    const boost::json::object parsed = boost::json::parse(line).as_object();
    seen.emplace(parsed.at("thread").as_int64(), parsed.at("i").as_int64());
  }
  EXPECT_EQ(seen.size(), 1000u);
}

}  // namespace
}  // namespace shop::common::obs
