#include "routing/route_table.hpp"

#include <cctype>
#include <stdexcept>

#include "common/http/router.hpp"
#include "routing/json_numbers.hpp"

namespace shop::gateway::routing {
namespace {

common::http::Verb parse_verb(const std::string& method) {
  const auto verb = boost::beast::http::string_to_verb(method);
  if (verb == common::http::Verb::unknown)
    throw std::invalid_argument("unknown HTTP method " + method);
  return verb;
}

void check_placeholders(const Route& route) {
  for (auto segment : common::http::split_path(route.path)) {
    if (!segment.starts_with('{')) continue;
    const std::string field(segment.substr(1, segment.size() - 2));
    if (route.input->FindFieldByName(field) == nullptr) {
      throw std::invalid_argument(route.path + ": {" + field + "} names no field of " +
                                  route.input->full_name());
    }
  }
}

const google::protobuf::FieldDescriptor& string_field(const google::protobuf::Descriptor& message,
                                                      const std::string& name,
                                                      const std::string& purpose) {
  const auto* field = message.FindFieldByName(name);
  if (field == nullptr || field->is_repeated() ||
      field->cpp_type() != google::protobuf::FieldDescriptor::CPPTYPE_STRING) {
    throw std::invalid_argument(purpose + " names no string field " + name + " of " +
                                message.full_name());
  }
  return *field;
}

// "Idempotency-Key" -> "idempotency_key"
std::string snake_case(std::string_view header) {
  std::string name;
  for (const char c : header) {
    name += c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return name;
}

void bind_headers(Route& route) {
  for (const auto& header : route.rule.headers()) {
    const auto field = snake_case(header);
    string_field(*route.input, field, route.path + ": header " + header);
    route.header_fields.push_back({header, field});
  }
}

void bind_accepted_when(Route& route) {
  const auto& rule = route.rule.accepted_when();
  if (rule.empty()) return;
  const auto equals = rule.find('=');
  if (equals == std::string::npos) {
    throw std::invalid_argument(route.path + ": accepted_when must read field=VALUE");
  }
  route.accepted_field =
      &string_field(*route.output, rule.substr(0, equals), route.path + ": accepted_when");
  route.accepted_value = rule.substr(equals + 1);
}

void check_errors(const Route& route) {
  constexpr int kFirstError = 400;
  constexpr int kPastLastError = 600;
  for (const int status : route.rule.errors()) {
    if (status < kFirstError || status >= kPastLastError) {
      throw std::invalid_argument(route.path + ": errors lists " + std::to_string(status) +
                                  ", not an HTTP error status");
    }
  }
}

}  // namespace

std::vector<Route> build_routes(const std::vector<ServiceBinding>& bindings) {
  std::vector<Route> routes;
  for (const auto& binding : bindings) {
    for (int i = 0; i < binding.service->method_count(); ++i) {
      const auto* method = binding.service->method(i);
      if (!method->options().HasExtension(api::http)) continue;
      Route route;
      route.rule = method->options().GetExtension(api::http);
      route.verb = parse_verb(route.rule.method());
      route.path = route.rule.path();
      route.grpc_method = "/" + binding.service->full_name() + "/" + method->name();
      route.upstream = binding.upstream;
      route.input = method->input_type();
      route.output = method->output_type();
      route.output_has_int64 = has_int64_fields(route.output);
      check_placeholders(route);
      bind_headers(route);
      bind_accepted_when(route);
      check_errors(route);
      routes.push_back(std::move(route));
    }
  }
  return routes;
}

}  // namespace shop::gateway::routing
