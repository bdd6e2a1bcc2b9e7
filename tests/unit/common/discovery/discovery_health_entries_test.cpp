// Reading Consul's health API answer into instances.

#include <gtest/gtest.h>

#include "common/discovery/health_entries.hpp"

namespace shop::common::discovery {
namespace {

TEST(HealthEntriesTest, ReadsIdAddressPortsSortedById) {
  const auto instances = parse_health_entries(R"([
    {"Node": {"Node": "shop-8500", "Address": "127.0.0.1"},
     "Service": {"ID": "user-service-10.0.0.2-50051", "Service": "user-service",
                 "Address": "10.0.0.2", "Port": 50051, "Meta": {"http_port": "3001"}},
     "Checks": []},
    {"Node": {"Node": "shop-8500", "Address": "127.0.0.1"},
     "Service": {"ID": "user-service-10.0.0.1-50051", "Service": "user-service",
                 "Address": "10.0.0.1", "Port": 50051, "Meta": {"http_port": "3001"}},
     "Checks": []}
  ])");
  ASSERT_TRUE(instances) << instances.error().detail;
  ASSERT_EQ(instances->size(), 2U);
  EXPECT_EQ((*instances)[0], (Instance{"user-service-10.0.0.1-50051", "10.0.0.1", 50051, 3001}));
  EXPECT_EQ((*instances)[1], (Instance{"user-service-10.0.0.2-50051", "10.0.0.2", 50051, 3001}));
}

TEST(HealthEntriesTest, AnEmptyServiceAddressMeansTheNodeAddress) {
  const auto instances = parse_health_entries(R"([
    {"Node": {"Address": "192.168.1.7"},
     "Service": {"ID": "a", "Address": "", "Port": 50052, "Meta": {"http_port": "3002"}}}
  ])");
  ASSERT_TRUE(instances);
  ASSERT_EQ(instances->size(), 1U);
  EXPECT_EQ((*instances)[0].address, "192.168.1.7");
}

TEST(HealthEntriesTest, MissingOrInvalidHttpPortReadsAsZero) {
  const auto instances = parse_health_entries(R"([
    {"Node": {"Address": "n"}, "Service": {"ID": "a", "Address": "h", "Port": 1}},
    {"Node": {"Address": "n"}, "Service": {"ID": "b", "Address": "h", "Port": 2, "Meta": null}},
    {"Node": {"Address": "n"}, "Service": {"ID": "c", "Address": "h", "Port": 3,
                                            "Meta": {"http_port": "80x"}}},
    {"Node": {"Address": "n"}, "Service": {"ID": "d", "Address": "h", "Port": 4,
                                            "Meta": {"http_port": "70000"}}},
    {"Node": {"Address": "n"}, "Service": {"ID": "e", "Address": "h", "Port": 5,
                                            "Meta": {"http_port": 3005}}}
  ])");
  ASSERT_TRUE(instances);
  ASSERT_EQ(instances->size(), 5U);
  for (const auto& instance : *instances) {
    EXPECT_EQ(instance.http_port, 0) << instance.id;
  }
}

TEST(HealthEntriesTest, SkipsEntriesWithoutIdAddressOrUsablePort) {
  const auto instances = parse_health_entries(R"([
    {"Node": {"Address": "n"}, "Service": {"Address": "h", "Port": 1}},
    {"Node": {}, "Service": {"ID": "no-address", "Address": "", "Port": 1}},
    {"Node": {"Address": "n"}, "Service": {"ID": "port-zero", "Port": 0}},
    {"Node": {"Address": "n"}, "Service": {"ID": "port-too-big", "Port": 65536}},
    {"Node": {"Address": "n"}, "Service": {"ID": "port-text", "Port": "50051"}},
    {"Node": {"Address": "n"}},
    42,
    {"Node": {"Address": "n"}, "Service": {"ID": "kept", "Port": 65535}}
  ])");
  ASSERT_TRUE(instances);
  ASSERT_EQ(instances->size(), 1U);
  EXPECT_EQ((*instances)[0], (Instance{"kept", "n", 65535, 0}));
}

TEST(HealthEntriesTest, AnEmptyArrayIsNoInstances) {
  const auto instances = parse_health_entries("[]");
  ASSERT_TRUE(instances);
  EXPECT_TRUE(instances->empty());
}

TEST(HealthEntriesTest, AnythingButAJsonArrayIsAnError) {
  EXPECT_FALSE(parse_health_entries(""));
  EXPECT_FALSE(parse_health_entries("[{"));
  EXPECT_FALSE(parse_health_entries(R"({"Service": {}})"));
  EXPECT_FALSE(parse_health_entries("rpc error: No cluster leader"));
}

}  // namespace
}  // namespace shop::common::discovery
