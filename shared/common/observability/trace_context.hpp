#pragma once
// W3C Trace Context (a W3C Recommendation): the `traceparent` value
// that carries a trace across HTTP headers, gRPC metadata and AMQP headers, plus
// request ids. Ids come from a per-thread generator: they need to be unique, not
// unpredictable.

#include <optional>
#include <string>
#include <string_view>

namespace shop::common::obs {

struct TraceContext {
  std::string trace_id;  // 32 lowercase hex digits, not all zero
  std::string span_id;   // 16 lowercase hex digits, not all zero
  bool sampled = false;

  bool operator==(const TraceContext&) const = default;
};

// Accepts only version 00 in its exact 55-character form, lowercase hex, non-zero ids.
std::optional<TraceContext> parse_traceparent(std::string_view header);
std::string to_traceparent(const TraceContext& context);

// A new trace with a new span.
TraceContext new_root(bool sampled = true);
// The same trace and sampling decision, a new span id.
TraceContext child_of(const TraceContext& parent);

// A random (version 4) UUID in its 36-character lowercase form.
std::string new_request_id();

}  // namespace shop::common::obs
