#include "routing/route_table.hpp"

#include <gtest/gtest.h>

#include <google/protobuf/descriptor.pb.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "upstreams.hpp"

namespace shop::gateway::routing {
namespace {

const Route& find(const std::vector<Route>& routes, std::string_view path,
                  common::http::Verb verb) {
  const auto found = std::find_if(routes.begin(), routes.end(), [&](const Route& route) {
    return route.path == path && route.verb == verb;
  });
  if (found == routes.end()) throw std::runtime_error("missing route " + std::string(path));
  return *found;
}

TEST(RouteTableTest, EveryAnnotatedUserMethodBecomesARoute) {
  const auto routes = build_routes(service_bindings());
  const auto& register_route = find(routes, "/api/v1/auth/register", common::http::Verb::post);
  EXPECT_EQ(register_route.grpc_method, "/shop.user.v1.UserService/Register");
  EXPECT_EQ(register_route.upstream, "user-service");
  EXPECT_EQ(register_route.rule.success_status(), 201);
  EXPECT_TRUE(register_route.rule.body());

  const auto& me = find(routes, "/api/v1/users/me", common::http::Verb::get);
  EXPECT_EQ(me.rule.access(), api::ACCESS_AUTHENTICATED);
  EXPECT_EQ(find(routes, "/api/v1/auth/logout", common::http::Verb::post).rule.success_status(),
            204);
  EXPECT_NO_THROW(find(routes, "/.well-known/jwks.json", common::http::Verb::get));
  EXPECT_EQ(find(routes, "/api/v1/users/{id}", common::http::Verb::get).rule.access(),
            api::ACCESS_ADMIN);
}

TEST(RouteTableTest, MethodsWithoutAnnotationStayInternal) {
  const auto routes = build_routes(service_bindings());
  const bool exposed = std::any_of(routes.begin(), routes.end(), [](const Route& route) {
    return route.grpc_method.ends_with("/VerifyToken");
  });
  EXPECT_FALSE(exposed);
}

// A service built at run time, with one GET /probe method annotated with `errors`.
class AnnotatedService {
 public:
  explicit AnnotatedService(const std::vector<int>& errors)
      : pool_(google::protobuf::DescriptorPool::generated_pool()) {
    google::protobuf::FileDescriptorProto file;
    file.set_name("route_table_test_probe.proto");
    file.set_package("shop.test");
    file.set_syntax("proto3");
    file.add_dependency("google/protobuf/empty.proto");
    auto* method = file.add_service()->add_method();
    method->set_name("Probe");
    method->set_input_type(".google.protobuf.Empty");
    method->set_output_type(".google.protobuf.Empty");
    auto* rule = method->mutable_options()->MutableExtension(api::http);
    rule->set_method("GET");
    rule->set_path("/probe");
    for (const int status : errors) rule->add_errors(status);
    file.mutable_service(0)->set_name("ProbeService");
    file_ = pool_.BuildFile(file);
  }

  std::vector<ServiceBinding> bindings() const { return {{file_->service(0), "probe"}}; }

 private:
  google::protobuf::DescriptorPool pool_;
  const google::protobuf::FileDescriptor* file_ = nullptr;
};

TEST(RouteTableTest, ErrorsListOnlyHttpErrorStatuses) {
  const AnnotatedService valid({404, 409, 503});
  const auto routes = build_routes(valid.bindings());
  ASSERT_EQ(routes.size(), 1U);
  EXPECT_EQ(routes[0].rule.errors_size(), 3);
  for (const int status : {200, 204, 399, 600}) {
    const AnnotatedService invalid({404, status});
    EXPECT_THROW(build_routes(invalid.bindings()), std::invalid_argument) << status;
  }
}

}  // namespace
}  // namespace shop::gateway::routing
