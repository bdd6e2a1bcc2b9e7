#include "common/mq/cloud_event.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace shop::common::mq {
namespace {

using namespace std::chrono_literals;

CloudEvent sample() {
  CloudEvent event;
  event.id = "0b7e3f4c-2a1d-4c55-9e2b-6f1a8d3c9e01";
  event.source = "/product-service";
  event.type = "product.created";
  event.subject = "9f6c1e2a-5b4d-4e3f-8a7b-1c2d3e4f5a6b";
  event.time = std::chrono::system_clock::time_point(
      std::chrono::sys_days(std::chrono::year(2024) / 5 / 1) + 12h + 345ms);
  event.sequence = 7;
  event.traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  event.data = {{"name", "Lamp"}, {"price", {{"amount", 1999}, {"currency", "EUR"}}}};
  return event;
}

// The sample as a JSON object, so a test can break one attribute.
boost::json::object sample_json() { return boost::json::parse(serialize(sample())).as_object(); }

std::string error_of(const boost::json::object& object) {
  auto parsed = parse_cloud_event(boost::json::serialize(object));
  if (parsed) return "(parsed)";
  EXPECT_EQ(parsed.error().code, ErrorCode::kBadRequest);
  return parsed.error().detail;
}

TEST(CloudEventTest, RoundTrips) {
  auto parsed = parse_cloud_event(serialize(sample()));
  ASSERT_TRUE(parsed) << parsed.error().detail;
  EXPECT_EQ(*parsed, sample());
}

TEST(CloudEventTest, RoundTripsWithoutTraceparent) {
  CloudEvent event = sample();
  event.traceparent.reset();
  event.data = {};
  auto parsed = parse_cloud_event(serialize(event));
  ASSERT_TRUE(parsed) << parsed.error().detail;
  EXPECT_EQ(*parsed, event);
}

TEST(CloudEventTest, WritesTheStructuredModeAttributes) {
  const boost::json::object json = sample_json();
  EXPECT_EQ(json.at("specversion"), "1.0");
  EXPECT_EQ(json.at("datacontenttype"), "application/json");
  EXPECT_EQ(json.at("time"), "2024-05-01T12:00:00.345Z");
  EXPECT_EQ(json.at("sequence"), 7);
  EXPECT_EQ(json.at("subject"), "9f6c1e2a-5b4d-4e3f-8a7b-1c2d3e4f5a6b");
  EXPECT_EQ(json.at("data").at("price").at("amount"), 1999);
}

TEST(CloudEventTest, IgnoresUnknownExtensions) {
  boost::json::object json = sample_json();
  json["partitionkey"] = "abc";
  EXPECT_EQ(error_of(json), "(parsed)");
}

TEST(CloudEventTest, AcceptsAnOmittedDataContentType) {
  boost::json::object json = sample_json();
  json.erase("datacontenttype");
  EXPECT_EQ(error_of(json), "(parsed)");
}

TEST(CloudEventTest, RefusesWhatIsNotAJsonObject) {
  for (const char* bad : {"", "{", "[]", "\"event\"", "null", "{\"id\":1,}"}) {
    auto parsed = parse_cloud_event(bad);
    ASSERT_FALSE(parsed) << bad;
    EXPECT_EQ(parsed.error().code, ErrorCode::kBadRequest);
  }
}

TEST(CloudEventTest, RequiresEveryCoreAttribute) {
  for (const char* name :
       {"specversion", "id", "source", "type", "subject", "time", "sequence", "data"}) {
    boost::json::object json = sample_json();
    json.erase(name);
    EXPECT_EQ(error_of(json), "cloud event: " + std::string(name) + " is missing") << name;
  }
}

TEST(CloudEventTest, RefusesAttributesOfTheWrongType) {
  for (const char* name : {"specversion", "id", "source", "type", "subject", "time"}) {
    boost::json::object json = sample_json();
    json[name] = 42;
    EXPECT_EQ(error_of(json), "cloud event: " + std::string(name) + " is not a string") << name;
    json[name] = "";
    EXPECT_EQ(error_of(json), "cloud event: " + std::string(name) + " is empty") << name;
  }
}

TEST(CloudEventTest, RefusesAnotherSpecVersion) {
  boost::json::object json = sample_json();
  json["specversion"] = "0.3";
  EXPECT_EQ(error_of(json), "cloud event: specversion is not \"1.0\": 0.3");
}

TEST(CloudEventTest, RequiresAUuidId) {
  boost::json::object json = sample_json();
  json["id"] = "event-1";
  EXPECT_EQ(error_of(json), "cloud event: id is not a UUID");
}

TEST(CloudEventTest, RequiresATypeUsableAsARoutingKey) {
  for (const char* bad : {"Product.Created", "product.*", "order.#", "order created"}) {
    boost::json::object json = sample_json();
    json["type"] = bad;
    EXPECT_EQ(error_of(json),
              "cloud event: type must be lowercase letters, digits, '.', '_' or '-'")
        << bad;
  }
}

TEST(CloudEventTest, RequiresAnRfc3339Time) {
  boost::json::object json = sample_json();
  json["time"] = "yesterday";
  EXPECT_EQ(error_of(json), "cloud event: time is not an RFC 3339 timestamp");
}

TEST(CloudEventTest, RequiresAPositiveIntegerSequence) {
  boost::json::object json = sample_json();
  json["sequence"] = "7";
  EXPECT_EQ(error_of(json), "cloud event: sequence is not an integer");
  json["sequence"] = 7.5;
  EXPECT_EQ(error_of(json), "cloud event: sequence is not an integer");
  json["sequence"] = 0;
  EXPECT_EQ(error_of(json), "cloud event: sequence must be at least 1");
  json["sequence"] = -3;
  EXPECT_EQ(error_of(json), "cloud event: sequence must be at least 1");
  json["sequence"] = std::uint64_t{18446744073709551615ULL};
  EXPECT_EQ(error_of(json), "cloud event: sequence is out of range: 18446744073709551615");
}

TEST(CloudEventTest, RequiresJsonObjectData) {
  boost::json::object json = sample_json();
  json["data"] = "text";
  EXPECT_EQ(error_of(json), "cloud event: data is not a JSON object");
  json["data"] = boost::json::array{1, 2};
  EXPECT_EQ(error_of(json), "cloud event: data is not a JSON object");
}

TEST(CloudEventTest, RefusesOtherContentTypesAndBinaryData) {
  boost::json::object json = sample_json();
  json["datacontenttype"] = "text/plain";
  EXPECT_EQ(error_of(json), "cloud event: datacontenttype is not application/json");
  json = sample_json();
  json["data_base64"] = "AAEC";
  EXPECT_EQ(error_of(json), "cloud event: data_base64 is not supported");
}

TEST(CloudEventTest, ValidatesTheTraceparent) {
  boost::json::object json = sample_json();
  json["traceparent"] = "00-00000000000000000000000000000000-00f067aa0ba902b7-01";
  EXPECT_EQ(error_of(json), "cloud event: traceparent is not valid");
  json["traceparent"] = 1;
  EXPECT_EQ(error_of(json), "cloud event: traceparent is not a string");
}

TEST(CloudEventTest, EventTypesAreRoutingKeysWithoutWildcards) {
  EXPECT_TRUE(is_valid_event_type("order.payment-failed"));
  EXPECT_TRUE(is_valid_event_type("stock_reserved.v2"));
  EXPECT_FALSE(is_valid_event_type(""));
  EXPECT_FALSE(is_valid_event_type("order.*"));
  EXPECT_FALSE(is_valid_event_type(std::string(256, 'a')));
}

}  // namespace
}  // namespace shop::common::mq
