#include "common/observability/trace_context.hpp"

#include <cstdint>
#include <random>

namespace shop::common::obs {
namespace {

constexpr std::string_view kVersion = "00";
constexpr std::size_t kTraceIdHex = 32;
constexpr std::size_t kSpanIdHex = 16;
// "00-" + trace id + "-" + span id + "-" + flags
constexpr std::size_t kTraceparentSize = 2 + 1 + kTraceIdHex + 1 + kSpanIdHex + 1 + 2;
constexpr char kHexDigits[] = "0123456789abcdef";

std::uint64_t random_u64() {
  thread_local std::mt19937_64 engine{[] {
    std::random_device device;
    // Two draws, because random_device yields 32 bits and the engine's state is wider.
    return (static_cast<std::uint64_t>(device()) << 32) ^ device();
  }()};
  return engine();
}

void append_hex(std::string& out, std::uint64_t value, std::size_t digits) {
  for (std::size_t i = digits; i-- > 0;) {
    out.push_back(kHexDigits[(value >> (i * 4)) & 0xF]);
  }
}

std::uint64_t non_zero_random() {
  std::uint64_t value = 0;
  while (value == 0) {
    value = random_u64();
  }
  return value;
}

std::string new_span_id() {
  std::string id;
  id.reserve(kSpanIdHex);
  append_hex(id, non_zero_random(), kSpanIdHex);
  return id;
}

std::string new_trace_id() {
  std::string id;
  id.reserve(kTraceIdHex);
  // A non-zero high half alone makes the whole id non-zero.
  append_hex(id, non_zero_random(), 16);
  append_hex(id, random_u64(), 16);
  return id;
}

bool is_lower_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

int hex_value(char c) { return c <= '9' ? c - '0' : c - 'a' + 10; }

// Lowercase hex of exactly `size` digits, not all zero.
bool valid_id(std::string_view id, std::size_t size) {
  if (id.size() != size) {
    return false;
  }
  bool non_zero = false;
  for (char c : id) {
    if (!is_lower_hex(c)) {
      return false;
    }
    non_zero = non_zero || c != '0';
  }
  return non_zero;
}

}  // namespace

std::optional<TraceContext> parse_traceparent(std::string_view header) {
  if (header.size() != kTraceparentSize || header.substr(0, 2) != kVersion || header[2] != '-' ||
      header[3 + kTraceIdHex] != '-' || header[4 + kTraceIdHex + kSpanIdHex] != '-') {
    return std::nullopt;
  }
  const std::string_view trace_id = header.substr(3, kTraceIdHex);
  const std::string_view span_id = header.substr(4 + kTraceIdHex, kSpanIdHex);
  const std::string_view flags = header.substr(5 + kTraceIdHex + kSpanIdHex, 2);
  if (!valid_id(trace_id, kTraceIdHex) || !valid_id(span_id, kSpanIdHex) ||
      !is_lower_hex(flags[0]) || !is_lower_hex(flags[1])) {
    return std::nullopt;
  }
  const bool sampled = (hex_value(flags[1]) & 0x1) != 0;
  return TraceContext{std::string(trace_id), std::string(span_id), sampled};
}

std::string to_traceparent(const TraceContext& context) {
  std::string out;
  out.reserve(kTraceparentSize);
  out.append(kVersion)
      .append("-")
      .append(context.trace_id)
      .append("-")
      .append(context.span_id)
      .append(context.sampled ? "-01" : "-00");
  return out;
}

TraceContext new_root(bool sampled) { return {new_trace_id(), new_span_id(), sampled}; }

TraceContext child_of(const TraceContext& parent) {
  return {parent.trace_id, new_span_id(), parent.sampled};
}

std::string new_request_id() {
  std::uint64_t high = random_u64();
  std::uint64_t low = random_u64();
  // RFC 9562: version 4 in the top nibble of byte 6, variant 0b10 in byte 8.
  high = (high & ~0x0000'0000'0000'F000ULL) | 0x0000'0000'0000'4000ULL;
  low = (low & ~0xC000'0000'0000'0000ULL) | 0x8000'0000'0000'0000ULL;
  std::string id;
  id.reserve(36);
  append_hex(id, high >> 32, 8);
  id.push_back('-');
  append_hex(id, (high >> 16) & 0xFFFF, 4);
  id.push_back('-');
  append_hex(id, high & 0xFFFF, 4);
  id.push_back('-');
  append_hex(id, low >> 48, 4);
  id.push_back('-');
  append_hex(id, low & 0xFFFF'FFFF'FFFFULL, 12);
  return id;
}

}  // namespace shop::common::obs
