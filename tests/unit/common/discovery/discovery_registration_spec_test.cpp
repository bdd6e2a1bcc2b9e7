// What an instance registers: its id, its address, and the body sent to the agent.

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "common/discovery/registration_spec.hpp"

namespace shop::common::discovery {
namespace {

const LocalService kUserService{
    .name = "user-service", .bind_address = "127.0.0.1", .grpc_port = 50051, .http_port = 3001};

TEST(RegistrationSpecTest, IdNamesServiceAddressAndGrpcPort) {
  const RegistrationSpec spec = describe(kUserService, "");
  EXPECT_EQ(spec, (RegistrationSpec{.name = "user-service",
                                    .id = "user-service-127.0.0.1-50051",
                                    .address = "127.0.0.1",
                                    .grpc_port = 50051,
                                    .http_port = 3001}));
}

TEST(RegistrationSpecTest, AnAdvertisedAddressWinsOverTheBindAddress) {
  const RegistrationSpec spec = describe(kUserService, "user-1.shop.internal");
  EXPECT_EQ(spec.address, "user-1.shop.internal");
  EXPECT_EQ(spec.id, "user-service-user-1.shop.internal-50051");
}

TEST(RegistrationSpecTest, AWildcardBindAddressRegistersLoopback) {
  for (const char* wildcard : {"0.0.0.0", "::", "[::]", ""}) {
    EXPECT_EQ(advertised_address(wildcard, ""), "127.0.0.1") << wildcard;
  }
  EXPECT_EQ(advertised_address("10.1.2.3", ""), "10.1.2.3");
  EXPECT_EQ(advertised_address("0.0.0.0", "10.1.2.3"), "10.1.2.3");
}

TEST(RegistrationSpecTest, HealthCheckUrlBracketsIpv6) {
  EXPECT_EQ(health_check_url("127.0.0.1", 3001), "http://127.0.0.1:3001/health");
  EXPECT_EQ(health_check_url("::1", 3001), "http://[::1]:3001/health");
  EXPECT_EQ(health_check_url("user-1", 80), "http://user-1:80/health");
}

TEST(RegistrationSpecTest, BodyCarriesGrpcPortHttpPortAndTheHealthCheck) {
  const auto body = registration_body(describe(kUserService, ""));
  const auto expected = boost::json::parse(R"({
    "ID": "user-service-127.0.0.1-50051",
    "Name": "user-service",
    "Address": "127.0.0.1",
    "Port": 50051,
    "Meta": {"http_port": "3001"},
    "Check": {"HTTP": "http://127.0.0.1:3001/health", "Interval": "1s", "Timeout": "1s",
              "DeregisterCriticalServiceAfter": "30s"}
  })");
  EXPECT_EQ(boost::json::value(body), expected);
}

}  // namespace
}  // namespace shop::common::discovery
