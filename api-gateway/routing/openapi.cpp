#include "routing/openapi.hpp"

#include <google/protobuf/descriptor.h>
#include <boost/json/serialize.hpp>

#include <map>
#include <set>

#include "common/http/router.hpp"

namespace shop::gateway::routing {
namespace {

namespace pb = google::protobuf;
namespace json = boost::json;

constexpr std::string_view kSchemaPrefix = "#/components/schemas/";

json::object scalar_schema(const pb::FieldDescriptor& field) {
  switch (field.cpp_type()) {
    case pb::FieldDescriptor::CPPTYPE_INT32:
    case pb::FieldDescriptor::CPPTYPE_UINT32:
      return {{"type", "integer"}, {"format", "int32"}};
    case pb::FieldDescriptor::CPPTYPE_INT64:
    case pb::FieldDescriptor::CPPTYPE_UINT64:
      // Numbers in answers (json_numbers.hpp); requests may send numbers or strings.
      return {{"type", "integer"}, {"format", "int64"}};
    case pb::FieldDescriptor::CPPTYPE_DOUBLE:
    case pb::FieldDescriptor::CPPTYPE_FLOAT:
      return {{"type", "number"}};
    case pb::FieldDescriptor::CPPTYPE_BOOL:
      return {{"type", "boolean"}};
    case pb::FieldDescriptor::CPPTYPE_ENUM: {
      json::array values;
      for (int i = 0; i < field.enum_type()->value_count(); ++i)
        values.push_back(json::string(field.enum_type()->value(i)->name()));
      return {{"type", "string"}, {"enum", std::move(values)}};
    }
    default:
      return {{"type", "string"}};
  }
}

// The request bodies' messages and every message inside them.
void collect_inputs(const pb::Descriptor* message, std::set<const pb::Descriptor*>& inputs) {
  if (!inputs.insert(message).second) return;
  for (int i = 0; i < message->field_count(); ++i) {
    if (const auto* type = message->field(i)->message_type(); type != nullptr)
      collect_inputs(type, inputs);
  }
}

class SchemaCollector {
 public:
  explicit SchemaCollector(std::set<const pb::Descriptor*> inputs) : inputs_(std::move(inputs)) {}

  json::object reference(const pb::Descriptor* message) {
    add(message);
    return {{"$ref", std::string(kSchemaPrefix) + message->full_name()}};
  }

  json::object schemas() const { return schemas_; }

 private:
  void add(const pb::Descriptor* message) {
    if (schemas_.contains(message->full_name())) return;
    schemas_[message->full_name()] = json::object{};  // placeholder breaks recursion
    json::object properties;
    json::array required;
    for (int i = 0; i < message->field_count(); ++i) {
      const auto* field = message->field(i);
      json::object schema =
          field->message_type() ? reference(field->message_type()) : scalar_schema(*field);
      if (field->is_repeated())
        schema = json::object{{"type", "array"}, {"items", std::move(schema)}};
      properties[field->name()] = std::move(schema);
      // Answers print every field without presence, set or not (proto3 defaults
      // included); fields with presence (messages, optional, oneof) only when set.
      if (!field->has_presence()) required.push_back(json::string(field->name()));
    }
    json::object schema{{"type", "object"}, {"properties", std::move(properties)}};
    // A request may leave any field out, so only messages no request body carries
    // promise their fields.
    if (!inputs_.contains(message) && !required.empty()) schema["required"] = std::move(required);
    schemas_[message->full_name()] = std::move(schema);
  }

  std::set<const pb::Descriptor*> inputs_;
  json::object schemas_;
};

json::array parameters(const Route& route) {
  json::array list;
  for (auto segment : common::http::split_path(route.path)) {
    if (!segment.starts_with('{')) continue;
    const std::string name(segment.substr(1, segment.size() - 2));
    auto schema = scalar_schema(*route.input->FindFieldByName(name));
    // Ids are UUIDs (API.md); any other value names nothing and is 404.
    if (name == "id" || name.ends_with("_id")) schema["format"] = "uuid";
    list.push_back(json::object{
        {"name", name}, {"in", "path"}, {"required", true}, {"schema", std::move(schema)}});
  }
  for (const auto& name : route.rule.query()) {
    const auto* field = route.input->FindFieldByName(name);
    if (field == nullptr) continue;
    list.push_back(
        json::object{{"name", name}, {"in", "query"}, {"schema", scalar_schema(*field)}});
  }
  for (const auto& [header, field] : route.header_fields) {
    list.push_back(json::object{{"name", header},
                                {"in", "header"},
                                {"required", true},
                                {"schema", json::object{{"type", "string"}}}});
  }
  return list;
}

std::string_view error_description(int status) {
  switch (status) {
    case 400:
      return "malformed request: not well-formed HTTP, a body that is not a JSON object of "
             "the right types or names a member twice, a parameter or header that cannot be "
             "read";
    case 401:
      return "missing, invalid or expired access token";
    case 403:
      return "the access token lacks the role this action needs";
    case 404:
      return "no such resource, or it belongs to someone else";
    case 409:
      return "conflicts with the resource's current state";
    case 413:
      return "the request body exceeds the size limit";
    case 415:
      return "the request body is not declared as application/json";
    case 422:
      return "well-formed but invalid fields, listed in errors[]";
    case 429:
      return "too many requests; retry after Retry-After seconds";
    case 431:
      return "the request line and headers exceed the size limit";
    case 503:
      return "a service this call needs is unavailable";
    case 504:
      return "a service this call needs did not answer in time";
    default:
      return "error";
  }
}

// The errors a route can answer: its method's own, and those the gateway answers for
// any route of its kind.
std::set<int> error_statuses(const Route& route) {
  std::set<int> statuses(route.rule.errors().begin(), route.rule.errors().end());
  if (route.rule.body()) statuses.insert({413, 415});
  if (route.rule.access() != api::ACCESS_PUBLIC) statuses.insert(401);
  if (route.rule.access() == api::ACCESS_ADMIN) statuses.insert(403);
  // Any request may be malformed (not well-formed HTTP, to begin with), carry too many
  // headers, be rate limited, or find a service it needs away.
  statuses.insert({400, 429, 431, 503, 504});
  return statuses;
}

json::object problem_response(int status) {
  json::object response{
      {"description", error_description(status)},
      {"content",
       json::object{{"application/problem+json",
                     json::object{{"schema", json::object{{"$ref", std::string(kSchemaPrefix) +
                                                                       "Problem"}}}}}}}};
  if (status == 429) {
    response["headers"] =
        json::object{{"Retry-After",
                      json::object{{"description", "seconds to wait before trying again"},
                                   {"required", true},
                                   {"schema", json::object{{"type", "integer"}, {"minimum", 1}}}}}};
  }
  return response;
}

json::object responses(const Route& route, SchemaCollector& schemas) {
  const int status = route.rule.success_status() == 0 ? 200 : route.rule.success_status();
  json::object success{{"description", "success"}};
  if (status != 204) {
    success["content"] = json::object{
        {"application/json", json::object{{"schema", schemas.reference(route.output)}}}};
  }
  json::object all{{std::to_string(status), success}};
  if (route.accepted_field != nullptr) {
    success["description"] = "accepted: " + route.accepted_field->name() + " is " +
                             route.accepted_value + " while the work goes on";
    all["202"] = std::move(success);
  }
  for (const int error : error_statuses(route))
    all[std::to_string(error)] = problem_response(error);
  return all;
}

json::object operation(const Route& route, SchemaCollector& schemas) {
  json::object op{{"operationId", route.grpc_method.substr(route.grpc_method.rfind('/') + 1)},
                  {"tags", json::array{json::string(route.upstream)}},
                  {"responses", responses(route, schemas)}};
  if (auto list = parameters(route); !list.empty()) op["parameters"] = std::move(list);
  if (route.rule.body()) {
    op["requestBody"] = json::object{
        {"required", true},
        {"content", json::object{{"application/json",
                                  json::object{{"schema", schemas.reference(route.input)}}}}}};
  }
  if (route.rule.access() != api::ACCESS_PUBLIC) {
    op["security"] = json::array{json::object{{"bearerAuth", json::array{}}}};
  }
  if (route.rule.access() == api::ACCESS_ADMIN) op["description"] = "Requires the admin role.";
  return op;
}

json::object problem_schema() {
  const json::object text{{"type", "string"}};
  const json::object field_error{{"type", "object"},
                                 {"properties", json::object{{"field", text}, {"message", text}}},
                                 {"required", json::array{"field", "message"}}};
  json::object properties{{"type", text},
                          {"title", text},
                          {"status", json::object{{"type", "integer"}}},
                          {"detail", text},
                          {"errors", json::object{{"type", "array"}, {"items", field_error}}}};
  return {{"type", "object"},
          {"properties", std::move(properties)},
          {"required", json::array{"type", "title", "status", "detail"}}};
}

}  // namespace

std::string openapi_document(const std::vector<Route>& routes) {
  std::set<const pb::Descriptor*> inputs;
  for (const auto& route : routes) {
    if (route.rule.body()) collect_inputs(route.input, inputs);
  }
  SchemaCollector schemas(std::move(inputs));
  std::map<std::string, json::object> paths;
  for (const auto& route : routes) {
    std::string method(boost::beast::http::to_string(route.verb));
    for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    paths[route.path][method] = operation(route, schemas);
  }
  json::object path_object;
  for (auto& [path, operations] : paths) path_object[path] = std::move(operations);
  auto components = schemas.schemas();
  components["Problem"] = problem_schema();
  const json::object document{
      {"openapi", "3.0.3"},
      {"info", json::object{{"title", "Shop API"}, {"version", "1.0.0"}}},
      {"paths", std::move(path_object)},
      {"components",
       json::object{{"schemas", std::move(components)},
                    {"securitySchemes",
                     json::object{{"bearerAuth", json::object{{"type", "http"},
                                                              {"scheme", "bearer"},
                                                              {"bearerFormat", "JWT"}}}}}}}};
  return json::serialize(document);
}

}  // namespace shop::gateway::routing
