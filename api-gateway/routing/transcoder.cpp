#include "routing/transcoder.hpp"

#include <google/protobuf/dynamic_message.h>
#include <google/protobuf/message.h>
#include <google/protobuf/util/json_util.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/url/parse_query.hpp>

#include <charconv>
#include <memory>

#include "routing/json_body.hpp"
#include "routing/json_numbers.hpp"

namespace shop::gateway::routing {
namespace {

namespace pb = google::protobuf;
using common::Error;

std::unique_ptr<pb::Message> new_message(const pb::Descriptor* descriptor) {
  return std::unique_ptr<pb::Message>(
      pb::MessageFactory::generated_factory()->GetPrototype(descriptor)->New());
}

template <class Number>
std::optional<Number> parse_number(std::string_view text) {
  Number value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

common::Result<void> set_scalar(pb::Message& message, const pb::FieldDescriptor& field,
                                std::string_view text) {
  const auto* reflection = message.GetReflection();
  const auto invalid = [&] {
    return Error::bad_request("parameter '" + field.name() + "' is not a valid " +
                              field.cpp_type_name());
  };
  switch (field.cpp_type()) {
    case pb::FieldDescriptor::CPPTYPE_STRING:
      reflection->SetString(&message, &field, std::string(text));
      return {};
    case pb::FieldDescriptor::CPPTYPE_INT32: {
      const auto value = parse_number<std::int32_t>(text);
      if (!value) return invalid();
      reflection->SetInt32(&message, &field, *value);
      return {};
    }
    case pb::FieldDescriptor::CPPTYPE_INT64: {
      const auto value = parse_number<std::int64_t>(text);
      if (!value) return invalid();
      reflection->SetInt64(&message, &field, *value);
      return {};
    }
    case pb::FieldDescriptor::CPPTYPE_BOOL:
      if (text != "true" && text != "false") return invalid();
      reflection->SetBool(&message, &field, text == "true");
      return {};
    default:
      return Error::bad_request("parameter '" + field.name() + "' cannot be set from the URL");
  }
}

common::Result<void> set_by_name(pb::Message& message, const std::string& name,
                                 std::string_view value) {
  const auto* field = message.GetDescriptor()->FindFieldByName(name);
  if (field == nullptr || field->is_repeated())
    return Error::bad_request("unknown parameter '" + name + "'");
  return set_scalar(message, *field, value);
}

common::Result<void> apply_query(const Route& route, pb::Message& message,
                                 std::string_view target) {
  const auto question = target.find('?');
  if (question == std::string_view::npos || route.rule.query().empty()) return {};
  const auto parsed = boost::urls::parse_query(target.substr(question + 1));
  if (!parsed) return Error::bad_request("the query string is malformed");
  for (const auto& param : *parsed) {
    for (const auto& allowed : route.rule.query()) {
      if (param.key != allowed) continue;
      if (auto set = set_by_name(message, allowed, param.value); !set) return set.error();
    }
  }
  return {};
}

}  // namespace

common::Result<std::string> encode_request(
    const Route& route, std::string_view body,
    const std::unordered_map<std::string, std::string>& named_fields, std::string_view target) {
  auto message = new_message(route.input);
  if (route.rule.body()) {
    pb::util::JsonParseOptions options;
    options.ignore_unknown_fields = false;
    const auto json = body.empty() ? std::string_view("{}") : body;
    // protobuf's JSON reader tolerates trailing commas and the like; the strict check
    // decides what is well-formed, protobuf only maps fields.
    if (auto checked = check_json_object(json); !checked) return checked.error();
    const auto status = pb::util::JsonStringToMessage(pb::StringPiece(json.data(), json.size()),
                                                      message.get(), options);
    if (!status.ok())
      return Error::bad_request("the request body is not valid JSON for this resource: " +
                                std::string(status.message()));
  }
  for (const auto& [name, value] : named_fields) {
    if (auto set = set_by_name(*message, name, value); !set) return set.error();
  }
  if (auto applied = apply_query(route, *message, target); !applied) return applied.error();
  return message->SerializeAsString();
}

common::Result<std::unique_ptr<pb::Message>> parse_response(const Route& route,
                                                            const std::string& message_bytes) {
  auto message = new_message(route.output);
  if (!message->ParseFromString(message_bytes))
    return Error::internal("the upstream answer could not be read");
  return message;
}

common::Result<DecodedResponse> render_response(const Route& route, const pb::Message& message) {
  const bool accepted =
      route.accepted_field != nullptr &&
      message.GetReflection()->GetString(message, route.accepted_field) == route.accepted_value;
  pb::util::JsonPrintOptions options;
  options.always_print_primitive_fields = true;
  options.preserve_proto_field_names = true;
  std::string json;
  const auto status = pb::util::MessageToJsonString(message, &json, options);
  if (!status.ok()) return Error::internal("the upstream answer could not be rendered");
  if (!route.output_has_int64) return DecodedResponse{std::move(json), accepted};
  auto value = boost::json::parse(json);
  int64_strings_to_numbers(route.output, value);
  return DecodedResponse{boost::json::serialize(value), accepted};
}

common::Result<DecodedResponse> decode_response(const Route& route,
                                                const std::string& message_bytes) {
  auto message = parse_response(route, message_bytes);
  if (!message) return message.error();
  return render_response(route, **message);
}

}  // namespace shop::gateway::routing
