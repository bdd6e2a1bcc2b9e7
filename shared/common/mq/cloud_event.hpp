#pragma once
// The envelope of every event between services: CloudEvents 1.0 in structured JSON
// mode (content type application/cloudevents+json), with two extensions:
//   traceparent  the W3C trace context of the change that caused the event
//   sequence     1, 2, 3... per aggregate (subject), so consumers can drop stale events
//
//   {"specversion":"1.0","id":"<uuid>","source":"/product-service",
//    "type":"product.created","subject":"<product id>","time":"2024-05-01T12:00:00.123Z",
//    "datacontenttype":"application/json","sequence":7,"traceparent":"00-…","data":{…}}
//
// The type is also the AMQP routing key, so consumers bind to patterns like "order.*".

#include <boost/json/object.hpp>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/errors.hpp"

namespace shop::common::mq {

inline constexpr std::string_view kCloudEventsContentType = "application/cloudevents+json";

struct CloudEvent {
  std::string id;       // a UUID, unique per event: the inbox deduplicates on it
  std::string source;   // the producing service, e.g. "/product-service"
  std::string type;     // "<aggregate>.<what happened>", e.g. "product.created"
  std::string subject;  // the aggregate's id
  std::chrono::system_clock::time_point time{};
  std::int64_t sequence = 0;  // per aggregate, from 1
  std::optional<std::string> traceparent;
  boost::json::object data;

  bool operator==(const CloudEvent&) const = default;
};

// Lowercase letters, digits, '.', '_' and '-', at most 255 bytes: a routing key that
// never contains the topic wildcards '*' and '#'.
bool is_valid_event_type(std::string_view type);

std::string serialize(const CloudEvent& event);

// Strict: specversion "1.0"; id a UUID; source, type and subject non-empty strings;
// time RFC 3339; sequence an integer >= 1; datacontenttype, when present,
// "application/json"; data a JSON object; traceparent, when present, valid W3C. Other
// extension attributes are ignored. Any violation is a kBadRequest naming the attribute.
Result<CloudEvent> parse_cloud_event(std::string_view json);

}  // namespace shop::common::mq
