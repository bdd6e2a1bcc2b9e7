#include "routing/route_table.hpp"

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
      routes.push_back(std::move(route));
    }
  }
  return routes;
}

}  // namespace shop::gateway::routing
