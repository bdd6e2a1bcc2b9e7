#include "common/mq/cloud_event.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "common/mq/rfc3339.hpp"
#include "common/observability/trace_context.hpp"
#include "common/text.hpp"

namespace shop::common::mq {
namespace {

constexpr std::string_view kSpecVersion = "1.0";
constexpr std::string_view kDataContentType = "application/json";
constexpr std::size_t kMaxTypeLength = 255;

Error invalid(std::string_view attribute, std::string_view problem) {
  return Error::bad_request("cloud event: " + std::string(attribute) + " " + std::string(problem));
}

// A required attribute that must be a non-empty string.
Result<std::string> required_string(const boost::json::object& object, std::string_view name) {
  const auto* value = object.if_contains(name);
  if (value == nullptr) return invalid(name, "is missing");
  const auto* text = value->if_string();
  if (text == nullptr) return invalid(name, "is not a string");
  if (text->empty()) return invalid(name, "is empty");
  return std::string(*text);
}

Result<std::int64_t> parse_sequence(const boost::json::object& object) {
  const auto* value = object.if_contains("sequence");
  if (value == nullptr) return invalid("sequence", "is missing");
  std::int64_t sequence = 0;
  if (const auto* signed_value = value->if_int64()) {
    sequence = *signed_value;
  } else if (const auto* unsigned_value = value->if_uint64()) {
    return invalid("sequence", "is out of range: " + std::to_string(*unsigned_value));
  } else {
    return invalid("sequence", "is not an integer");
  }
  if (sequence < 1) return invalid("sequence", "must be at least 1");
  return sequence;
}

}  // namespace

bool is_valid_event_type(std::string_view type) {
  if (type.empty() || type.size() > kMaxTypeLength) return false;
  for (const char c : type) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string serialize(const CloudEvent& event) {
  boost::json::object out;
  out["specversion"] = kSpecVersion;
  out["id"] = event.id;
  out["source"] = event.source;
  out["type"] = event.type;
  out["subject"] = event.subject;
  out["time"] = format_rfc3339(event.time);
  out["datacontenttype"] = kDataContentType;
  out["sequence"] = event.sequence;
  if (event.traceparent) out["traceparent"] = *event.traceparent;
  out["data"] = event.data;
  return boost::json::serialize(out);
}

Result<CloudEvent> parse_cloud_event(std::string_view json) {
  boost::system::error_code error;
  const boost::json::value parsed = boost::json::parse(json, error);
  if (error) return Error::bad_request("cloud event: not JSON: " + error.message());
  const auto* object = parsed.if_object();
  if (object == nullptr) return Error::bad_request("cloud event: not a JSON object");

  const auto version = required_string(*object, "specversion");
  if (!version) return version.error();
  if (*version != kSpecVersion) return invalid("specversion", "is not \"1.0\": " + *version);

  CloudEvent event;
  auto id = required_string(*object, "id");
  if (!id) return id.error();
  if (!is_uuid(*id)) return invalid("id", "is not a UUID");
  event.id = std::move(*id);

  auto source = required_string(*object, "source");
  if (!source) return source.error();
  event.source = std::move(*source);

  auto type = required_string(*object, "type");
  if (!type) return type.error();
  if (!is_valid_event_type(*type)) {
    return invalid("type", "must be lowercase letters, digits, '.', '_' or '-'");
  }
  event.type = std::move(*type);

  auto subject = required_string(*object, "subject");
  if (!subject) return subject.error();
  event.subject = std::move(*subject);

  const auto time_text = required_string(*object, "time");
  if (!time_text) return time_text.error();
  const auto time = parse_rfc3339(*time_text);
  if (!time) return invalid("time", "is not an RFC 3339 timestamp");
  event.time = *time;

  const auto sequence = parse_sequence(*object);
  if (!sequence) return sequence.error();
  event.sequence = *sequence;

  if (object->contains("datacontenttype")) {
    const auto content_type = required_string(*object, "datacontenttype");
    if (!content_type) return content_type.error();
    if (*content_type != kDataContentType) {
      return invalid("datacontenttype", "is not application/json");
    }
  }
  if (object->contains("data_base64")) return invalid("data_base64", "is not supported");
  const auto* data = object->if_contains("data");
  if (data == nullptr) return invalid("data", "is missing");
  if (!data->is_object()) return invalid("data", "is not a JSON object");
  event.data = data->get_object();

  if (object->contains("traceparent")) {
    auto traceparent = required_string(*object, "traceparent");
    if (!traceparent) return traceparent.error();
    if (!obs::parse_traceparent(*traceparent)) return invalid("traceparent", "is not valid");
    event.traceparent = std::move(*traceparent);
  }
  return event;
}

}  // namespace shop::common::mq
