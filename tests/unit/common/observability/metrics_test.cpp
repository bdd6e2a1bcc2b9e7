#include "common/observability/metrics.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "common/resilience/circuit_breaker.hpp"
#include "common/resilience/fake_clock.hpp"

namespace shop::common::obs {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// One exposition line: name{labels} value
std::string series(std::string_view name, std::string_view labels, std::string_view value) {
  return std::string(name) + "{" + std::string(labels) + "} " + std::string(value);
}

TEST(MetricsTest, HttpRequestsAreCountedAndTimed) {
  Metrics metrics;
  const std::string route = "/api/v1/products/{id}";
  metrics.observe_http("GET", route, 200, 0.004);
  metrics.observe_http("GET", route, 200, 0.020);
  metrics.observe_http("GET", route, 404, 0.002);
  const std::string text = metrics.render();
  const std::string labels = R"(method="GET",route="/api/v1/products/{id}")";
  const std::string histogram = "shop_http_request_duration_seconds";

  EXPECT_THAT(text, HasSubstr("# TYPE shop_http_requests_total counter"));
  EXPECT_THAT(text,
              HasSubstr(series("shop_http_requests_total", labels + R"(,status="200")", "2")));
  EXPECT_THAT(text,
              HasSubstr(series("shop_http_requests_total", labels + R"(,status="404")", "1")));
  EXPECT_THAT(text, HasSubstr("# TYPE shop_http_request_duration_seconds histogram"));
  EXPECT_THAT(text, HasSubstr(series(histogram + "_count", labels, "3")));
  EXPECT_THAT(text, HasSubstr(series(histogram + "_bucket", labels + R"(,le="0.001")", "0")));
  EXPECT_THAT(text, HasSubstr(series(histogram + "_bucket", labels + R"(,le="0.005")", "2")));
  EXPECT_THAT(text, HasSubstr(series(histogram + "_bucket", labels + R"(,le="5")", "3")));
  EXPECT_THAT(text, HasSubstr(series(histogram + "_bucket", labels + R"(,le="+Inf")", "3")));
}

TEST(MetricsTest, GrpcClientAndServerAreSeparateFamilies) {
  Metrics metrics;
  metrics.observe_grpc_client("/shop.product.v1.Products/Reserve", "UNAVAILABLE", 0.3);
  metrics.observe_grpc_server("/shop.user.v1.Users/Get", "OK", 0.001);
  const std::string text = metrics.render();
  EXPECT_THAT(text, HasSubstr(series(
                        "shop_grpc_client_requests_total",
                        R"(code="UNAVAILABLE",method="/shop.product.v1.Products/Reserve")", "1")));
  EXPECT_THAT(text, HasSubstr(series("shop_grpc_client_request_duration_seconds_sum",
                                     R"(method="/shop.product.v1.Products/Reserve")", "0.3")));
  EXPECT_THAT(text, HasSubstr(series("shop_grpc_server_requests_total",
                                     R"(code="OK",method="/shop.user.v1.Users/Get")", "1")));
  EXPECT_THAT(text, HasSubstr(series("shop_grpc_server_request_duration_seconds_count",
                                     R"(method="/shop.user.v1.Users/Get")", "1")));
  EXPECT_THAT(text, Not(HasSubstr(R"(shop_grpc_server_requests_total{code="UNAVAILABLE")")));
}

TEST(MetricsTest, NumericGrpcCodesAreLabelledByName) {
  EXPECT_EQ(grpc_code_name(0), "OK");
  EXPECT_EQ(grpc_code_name(4), "DEADLINE_EXCEEDED");
  EXPECT_EQ(grpc_code_name(14), "UNAVAILABLE");
  EXPECT_EQ(grpc_code_name(16), "UNAUTHENTICATED");
  EXPECT_EQ(grpc_code_name(17), "UNKNOWN");
  EXPECT_EQ(grpc_code_name(-1), "UNKNOWN");

  Metrics metrics;
  metrics.observe_grpc_client("/m", 4, 0.5);
  metrics.observe_grpc_server("/m", 0, 0.5);
  const std::string text = metrics.render();
  EXPECT_THAT(text, HasSubstr(series("shop_grpc_client_requests_total",
                                     R"(code="DEADLINE_EXCEEDED",method="/m")", "1")));
  EXPECT_THAT(
      text, HasSubstr(series("shop_grpc_server_requests_total", R"(code="OK",method="/m")", "1")));
}

TEST(MetricsTest, CircuitBreakerGaugeFollowsTheBreaker) {
  Metrics metrics;
  resilience::FakeClock clock;
  resilience::CircuitBreaker breaker(
      {.consecutive_failures = 1, .failure_rate = 0, .open_duration = std::chrono::seconds(1)},
      clock, metrics.breaker_listener("product-service@127.0.0.1:50052"));
  const auto gauge = [](std::string_view value) {
    return series("shop_circuit_breaker_state", R"(upstream="product-service@127.0.0.1:50052")",
                  value);
  };
  EXPECT_THAT(metrics.render(), HasSubstr(gauge("0")));
  breaker.record_failure();
  EXPECT_THAT(metrics.render(), HasSubstr(gauge("2")));
  clock.advance(std::chrono::seconds(1));
  ASSERT_TRUE(breaker.allow());
  EXPECT_THAT(metrics.render(), HasSubstr(gauge("1")));
  breaker.record_success();
  EXPECT_THAT(metrics.render(), HasSubstr(gauge("0")));

  metrics.set_circuit_breaker_state("user-service", resilience::BreakerState::kOpen);
  EXPECT_THAT(metrics.render(),
              HasSubstr(series("shop_circuit_breaker_state", R"(upstream="user-service")", "2")));
}

TEST(MetricsTest, BusinessMetricsShareTheRegistry) {
  Metrics metrics;
  auto& orders = prometheus::BuildCounter()
                     .Name("shop_orders_created_total")
                     .Help("Orders created.")
                     .Register(metrics.registry());
  orders.Add({}).Increment(3);
  EXPECT_THAT(metrics.render(), HasSubstr("shop_orders_created_total 3"));
}

TEST(MetricsTest, ConcurrentObservationsAreAllCounted) {
  Metrics metrics;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&metrics, t] {
      for (int i = 0; i < 500; ++i) {
        metrics.observe_http("POST", "/api/v1/orders", 200 + (i % 2) * 201, 0.01);
        metrics.observe_grpc_client("/m" + std::to_string(t), "OK", 0.01);
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  const std::string text = metrics.render();
  const std::string labels = R"(method="POST",route="/api/v1/orders")";
  EXPECT_THAT(text,
              HasSubstr(series("shop_http_requests_total", labels + R"(,status="200")", "1000")));
  EXPECT_THAT(text,
              HasSubstr(series("shop_http_requests_total", labels + R"(,status="401")", "1000")));
  EXPECT_THAT(text, HasSubstr(series("shop_http_request_duration_seconds_count", labels, "2000")));
  EXPECT_THAT(text, HasSubstr(series("shop_grpc_client_requests_total", R"(code="OK",method="/m3")",
                                     "500")));
}

TEST(MetricsTest, InstanceIsOneRegistry) {
  EXPECT_EQ(&Metrics::instance(), &Metrics::instance());
  EXPECT_EQ(&Metrics::instance().registry(), &Metrics::instance().registry());
}

}  // namespace
}  // namespace shop::common::obs
