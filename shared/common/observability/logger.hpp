#pragma once
// Structured logs: one JSON object per line on stderr, for a log shipper to ingest.
//   {"ts":"2024-05-01T12:00:00.123Z","level":"info","service":"order-service",
//    "msg":"order created","request_id":"…","trace_id":"…","span_id":"…",...}
// Each line reaches the sink in one call (one write() for stderr), so lines from
// concurrent threads never interleave. Call init_logging once at start-up; logging
// before that works with service "unknown" at level info.

#include <boost/json/object.hpp>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "common/observability/trace_context.hpp"

namespace shop::common::obs {

enum class Level { kDebug, kInfo, kWarn, kError };

std::string_view to_string(Level level);
// debug, info, warn (or warning), error; any case.
std::optional<Level> try_parse_level(std::string_view text);
Level parse_level(std::string_view text, Level fallback = Level::kInfo);

// Receives one complete line, trailing newline included.
using LogSink = std::function<void(std::string_view line)>;
void stderr_sink(std::string_view line);

void init_logging(std::string service, Level min_level, LogSink sink = stderr_sink);
bool log_enabled(Level level);

// `fields` follow the fixed keys; a field named like a fixed key (ts, level,
// service, msg) is written as "field.<name>" so it cannot shadow it.
void log(Level level, std::string_view msg, const boost::json::object& fields = {});
void debug(std::string_view msg, const boost::json::object& fields = {});
void info(std::string_view msg, const boost::json::object& fields = {});
void warn(std::string_view msg, const boost::json::object& fields = {});
void error(std::string_view msg, const boost::json::object& fields = {});

// trace_id, span_id and (when not empty) request_id, merged into `fields`.
boost::json::object with_trace(const TraceContext& context, std::string_view request_id = {},
                               boost::json::object fields = {});

// RFC 3339 in UTC with milliseconds: 2024-05-01T12:00:00.123Z
std::string format_timestamp(std::chrono::system_clock::time_point time);

// The exact line log() would emit, newline included.
std::string render_log_line(std::chrono::system_clock::time_point time, Level level,
                            std::string_view service, std::string_view msg,
                            const boost::json::object& fields);

}  // namespace shop::common::obs
