#pragma once
// The public REST routes, read from the `(shop.api.http)` options of the services'
// gRPC methods. Adding a route means annotating a method in a .proto file.

#include <google/protobuf/descriptor.h>

#include <string>
#include <vector>

#include "common/http/types.hpp"
#include "proto/http.pb.h"

namespace shop::gateway::routing {

struct Route {
  common::http::Verb verb;
  std::string path;         // pattern with {placeholders}
  std::string grpc_method;  // "/package.Service/Method"
  std::string upstream;     // which upstream serves it
  const google::protobuf::Descriptor* input = nullptr;
  const google::protobuf::Descriptor* output = nullptr;
  bool output_has_int64 = false;  // its JSON needs int64 strings turned into numbers
  api::HttpRule rule;
  struct HeaderField {
    std::string header;  // as sent, e.g. "Idempotency-Key"
    std::string field;   // "idempotency_key"
  };
  std::vector<HeaderField> header_fields;
  // From rule.accepted_when: a string field of the output and the value that means 202.
  const google::protobuf::FieldDescriptor* accepted_field = nullptr;
  std::string accepted_value;
};

struct ServiceBinding {
  const google::protobuf::ServiceDescriptor* service;
  std::string upstream;
};

// Every annotated method of every bound service. Throws std::invalid_argument for an
// annotation the gateway cannot serve (unknown method, a placeholder, header or
// accepted_when naming no string field, an error status outside 400..599).
std::vector<Route> build_routes(const std::vector<ServiceBinding>& bindings);

}  // namespace shop::gateway::routing
