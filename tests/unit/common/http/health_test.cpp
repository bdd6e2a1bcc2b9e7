#include "common/http/health.hpp"

#include <gtest/gtest.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json/parse.hpp>

namespace shop::common::http {
namespace {

namespace asio = boost::asio;

Response report(const HealthChecks& checks) {
  asio::io_context io;
  auto future = asio::co_spawn(io, checks.report(), asio::use_future);
  io.run();
  return future.get();
}

HealthChecks::Check counting(int& calls, bool result) {
  return [&calls, result]() -> asio::awaitable<bool> {
    ++calls;
    co_return result;
  };
}

TEST(HealthChecksTest, AllPassingIsOk) {
  HealthChecks checks;
  int calls = 0;
  checks.add("postgres", counting(calls, true));
  const auto response = report(checks);
  EXPECT_EQ(response.result(), Status::ok);
  const auto body = boost::json::parse(response.body()).as_object();
  EXPECT_EQ(body.at("status").as_string(), "ok");
  EXPECT_EQ(body.at("checks").at("postgres").as_string(), "ok");
}

TEST(HealthChecksTest, SomeFailingIsDegradedAndAllFailingIsDown) {
  int calls = 0;
  HealthChecks some;
  some.add("a", counting(calls, true));
  some.add("b", counting(calls, false));
  const auto degraded = report(some);
  EXPECT_EQ(degraded.result(), Status::service_unavailable);
  EXPECT_EQ(boost::json::parse(degraded.body()).at("status").as_string(), "degraded");

  HealthChecks none;
  none.add("a", counting(calls, false));
  EXPECT_EQ(boost::json::parse(report(none).body()).at("status").as_string(), "down");
}

TEST(HealthChecksTest, AFailingOptionalCheckIsDegradedButStillServing) {
  int calls = 0;
  HealthChecks checks;
  checks.add("postgres", counting(calls, true));
  checks.add_optional("search", counting(calls, false));
  const auto response = report(checks);
  EXPECT_EQ(response.result(), Status::ok);
  const auto body = boost::json::parse(response.body()).as_object();
  EXPECT_EQ(body.at("status").as_string(), "degraded");
  EXPECT_EQ(body.at("checks").at("search").as_string(), "down");

  HealthChecks required_down;
  required_down.add("postgres", counting(calls, false));
  required_down.add_optional("search", counting(calls, true));
  EXPECT_EQ(report(required_down).result(), Status::service_unavailable);
}

TEST(HealthChecksTest, ResultsAreReusedWithinTheirMaxAge) {
  int calls = 0;
  HealthChecks cached(std::chrono::hours(1));
  cached.add("a", counting(calls, true));
  report(cached);
  report(cached);
  EXPECT_EQ(calls, 1);

  int fresh_calls = 0;
  HealthChecks uncached(std::chrono::milliseconds(0));
  uncached.add("a", counting(fresh_calls, true));
  report(uncached);
  report(uncached);
  EXPECT_EQ(fresh_calls, 2);
}

TEST(HealthChecksTest, ACheckThatThrowsCountsAsDown) {
  HealthChecks checks(std::chrono::milliseconds(0));
  checks.add("broken", []() -> asio::awaitable<bool> {
    throw std::runtime_error("probe exploded");
    co_return true;
  });
  EXPECT_EQ(report(checks).result(), Status::service_unavailable);
  EXPECT_EQ(report(checks).result(), Status::service_unavailable);
}

}  // namespace
}  // namespace shop::common::http
