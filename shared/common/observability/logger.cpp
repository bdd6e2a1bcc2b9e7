#include "common/observability/logger.hpp"

#include <unistd.h>

#include <array>
#include <atomic>
#include <boost/json/serialize.hpp>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <utility>

namespace shop::common::obs {
namespace {

struct LoggerState {
  std::string service;
  LogSink sink;
};

// Function-local statics so that logging from another static initialiser is safe.
std::atomic<int>& min_level() {
  static std::atomic<int> level{static_cast<int>(Level::kInfo)};
  return level;
}

std::atomic<std::shared_ptr<const LoggerState>>& state() {
  static std::atomic<std::shared_ptr<const LoggerState>> current{
      std::make_shared<const LoggerState>(LoggerState{"unknown", stderr_sink})};
  return current;
}

bool is_reserved(std::string_view key) {
  return key == "ts" || key == "level" || key == "service" || key == "msg";
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string_view to_string(Level level) {
  switch (level) {
    case Level::kDebug:
      return "debug";
    case Level::kInfo:
      return "info";
    case Level::kWarn:
      return "warn";
    case Level::kError:
      return "error";
  }
  return "info";
}

std::optional<Level> try_parse_level(std::string_view text) {
  if (iequals(text, "debug")) return Level::kDebug;
  if (iequals(text, "info")) return Level::kInfo;
  if (iequals(text, "warn") || iequals(text, "warning")) return Level::kWarn;
  if (iequals(text, "error")) return Level::kError;
  return std::nullopt;
}

Level parse_level(std::string_view text, Level fallback) {
  return try_parse_level(text).value_or(fallback);
}

void stderr_sink(std::string_view line) {
  const char* data = line.data();
  std::size_t left = line.size();
  // A single write() normally takes the whole line; the loop only covers signals
  // and short writes on a full pipe.
  while (left > 0) {
    const ssize_t written = ::write(STDERR_FILENO, data, left);
    if (written < 0) {
      if (errno == EINTR) {
        continue;
      }
      return;  // nowhere left to report a logging failure
    }
    data += written;
    left -= static_cast<std::size_t>(written);
  }
}

void init_logging(std::string service, Level min_level_value, LogSink sink) {
  min_level().store(static_cast<int>(min_level_value));
  state().store(std::make_shared<const LoggerState>(
      LoggerState{std::move(service), sink ? std::move(sink) : LogSink(stderr_sink)}));
}

bool log_enabled(Level level) { return static_cast<int>(level) >= min_level().load(); }

void log(Level level, std::string_view msg, const boost::json::object& fields) {
  if (!log_enabled(level)) {
    return;
  }
  const std::shared_ptr<const LoggerState> current = state().load();
  current->sink(
      render_log_line(std::chrono::system_clock::now(), level, current->service, msg, fields));
}

void debug(std::string_view msg, const boost::json::object& fields) {
  log(Level::kDebug, msg, fields);
}
void info(std::string_view msg, const boost::json::object& fields) {
  log(Level::kInfo, msg, fields);
}
void warn(std::string_view msg, const boost::json::object& fields) {
  log(Level::kWarn, msg, fields);
}
void error(std::string_view msg, const boost::json::object& fields) {
  log(Level::kError, msg, fields);
}

boost::json::object with_trace(const TraceContext& context, std::string_view request_id,
                               boost::json::object fields) {
  if (!request_id.empty()) {
    fields["request_id"] = request_id;
  }
  fields["trace_id"] = context.trace_id;
  fields["span_id"] = context.span_id;
  return fields;
}

std::string format_timestamp(std::chrono::system_clock::time_point time) {
  namespace chrono = std::chrono;
  const auto millis = chrono::floor<chrono::milliseconds>(time);
  const auto day = chrono::floor<chrono::days>(millis);
  const chrono::year_month_day date{day};
  const chrono::hh_mm_ss clock{millis - day};
  std::array<char, 48> buffer{};
  const int size = std::snprintf(
      buffer.data(), buffer.size(), "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
      static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
      static_cast<unsigned>(date.day()), static_cast<int>(clock.hours().count()),
      static_cast<int>(clock.minutes().count()), static_cast<int>(clock.seconds().count()),
      static_cast<int>(clock.subseconds().count()));
  return std::string(buffer.data(), static_cast<std::size_t>(size));
}

std::string render_log_line(std::chrono::system_clock::time_point time, Level level,
                            std::string_view service, std::string_view msg,
                            const boost::json::object& fields) {
  boost::json::object line;
  line.reserve(4 + fields.size());
  line.emplace("ts", format_timestamp(time));
  line.emplace("level", to_string(level));
  line.emplace("service", service);
  line.emplace("msg", msg);
  for (const auto& field : fields) {
    if (is_reserved(field.key())) {
      line.emplace(std::string("field.") + std::string(field.key()), field.value());
    } else {
      line.emplace(field.key(), field.value());
    }
  }
  std::string out = boost::json::serialize(line);
  out.push_back('\n');
  return out;
}

}  // namespace shop::common::obs
