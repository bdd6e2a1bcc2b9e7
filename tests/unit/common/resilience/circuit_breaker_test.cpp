#include "common/resilience/circuit_breaker.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <utility>
#include <vector>

#include "common/resilience/fake_clock.hpp"

namespace shop::common::resilience {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using Transition = std::pair<BreakerState, BreakerState>;

class CircuitBreakerTest : public ::testing::Test {
 protected:
  CircuitBreaker make(CircuitBreakerConfig config) {
    return CircuitBreaker(config, clock_, [this](BreakerState from, BreakerState to) {
      transitions_.emplace_back(from, to);
    });
  }

  static CircuitBreakerConfig consecutive(int failures) {
    return {.consecutive_failures = failures,
            .failure_rate = 0.0,
            .open_duration = seconds(5),
            .half_open_probes = 1};
  }

  FakeClock clock_;
  std::vector<Transition> transitions_;
};

TEST_F(CircuitBreakerTest, StartsClosedAndAllowsCalls) {
  auto breaker = make(consecutive(3));
  EXPECT_EQ(breaker.state(), BreakerState::kClosed);
  EXPECT_TRUE(breaker.allow());
  EXPECT_TRUE(transitions_.empty());
}

TEST_F(CircuitBreakerTest, OpensAfterConsecutiveFailures) {
  auto breaker = make(consecutive(3));
  breaker.record_failure();
  breaker.record_failure();
  EXPECT_EQ(breaker.state(), BreakerState::kClosed);
  breaker.record_failure();
  EXPECT_EQ(breaker.state(), BreakerState::kOpen);
  EXPECT_FALSE(breaker.allow());
  EXPECT_EQ(transitions_, (std::vector<Transition>{{BreakerState::kClosed, BreakerState::kOpen}}));
}

TEST_F(CircuitBreakerTest, SuccessResetsTheConsecutiveCount) {
  auto breaker = make(consecutive(3));
  breaker.record_failure();
  breaker.record_failure();
  breaker.record_success();
  breaker.record_failure();
  breaker.record_failure();
  EXPECT_EQ(breaker.state(), BreakerState::kClosed);
}

TEST_F(CircuitBreakerTest, FullCycleClosedOpenHalfOpenClosed) {
  auto breaker = make(consecutive(2));
  breaker.record_failure();
  breaker.record_failure();
  ASSERT_EQ(breaker.state(), BreakerState::kOpen);

  clock_.advance(milliseconds(4999));
  EXPECT_FALSE(breaker.allow());
  EXPECT_EQ(breaker.state(), BreakerState::kOpen);

  clock_.advance(milliseconds(1));
  EXPECT_TRUE(breaker.allow());  // the probe
  EXPECT_EQ(breaker.state(), BreakerState::kHalfOpen);
  EXPECT_FALSE(breaker.allow());  // only one probe at a time

  breaker.record_success();
  EXPECT_EQ(breaker.state(), BreakerState::kClosed);
  EXPECT_TRUE(breaker.allow());
  EXPECT_EQ(transitions_, (std::vector<Transition>{
                              {BreakerState::kClosed, BreakerState::kOpen},
                              {BreakerState::kOpen, BreakerState::kHalfOpen},
                              {BreakerState::kHalfOpen, BreakerState::kClosed},
                          }));
}

TEST_F(CircuitBreakerTest, FailedProbeReopensForAnotherCoolDown) {
  auto breaker = make(consecutive(1));
  breaker.record_failure();
  clock_.advance(seconds(5));
  ASSERT_TRUE(breaker.allow());
  ASSERT_EQ(breaker.state(), BreakerState::kHalfOpen);

  breaker.record_failure();
  EXPECT_EQ(breaker.state(), BreakerState::kOpen);
  clock_.advance(seconds(4));
  EXPECT_FALSE(breaker.allow());
  clock_.advance(seconds(1));
  EXPECT_TRUE(breaker.allow());
  EXPECT_EQ(breaker.state(), BreakerState::kHalfOpen);
  EXPECT_EQ(transitions_, (std::vector<Transition>{
                              {BreakerState::kClosed, BreakerState::kOpen},
                              {BreakerState::kOpen, BreakerState::kHalfOpen},
                              {BreakerState::kHalfOpen, BreakerState::kOpen},
                              {BreakerState::kOpen, BreakerState::kHalfOpen},
                          }));
}

TEST_F(CircuitBreakerTest, ClosingNeedsEveryProbeToSucceed) {
  auto config = consecutive(1);
  config.half_open_probes = 3;
  auto breaker = make(config);
  breaker.record_failure();
  clock_.advance(seconds(5));
  EXPECT_TRUE(breaker.allow());
  EXPECT_TRUE(breaker.allow());
  EXPECT_TRUE(breaker.allow());
  EXPECT_FALSE(breaker.allow());
  breaker.record_success();
  breaker.record_success();
  EXPECT_EQ(breaker.state(), BreakerState::kHalfOpen);
  breaker.record_success();
  EXPECT_EQ(breaker.state(), BreakerState::kClosed);
}

TEST_F(CircuitBreakerTest, OneFailedProbeOfSeveralReopens) {
  auto config = consecutive(1);
  config.half_open_probes = 3;
  auto breaker = make(config);
  breaker.record_failure();
  clock_.advance(seconds(5));
  ASSERT_TRUE(breaker.allow());
  ASSERT_TRUE(breaker.allow());
  breaker.record_success();
  breaker.record_failure();
  EXPECT_EQ(breaker.state(), BreakerState::kOpen);
}

TEST_F(CircuitBreakerTest, OpensOnFailureRateOnlyAfterMinimumCalls) {
  auto breaker = make({.consecutive_failures = 0,
                       .failure_rate = 0.5,
                       .minimum_calls = 10,
                       .window = seconds(10),
                       .open_duration = seconds(5)});
  // Alternating outcomes never make 5 consecutive failures, but reach 50%.
  for (int i = 0; i < 4; ++i) {
    breaker.record_failure();
    breaker.record_success();
  }
  breaker.record_failure();
  EXPECT_EQ(breaker.state(), BreakerState::kClosed);  // 9 calls: below the minimum
  breaker.record_failure();
  EXPECT_EQ(breaker.state(), BreakerState::kOpen);  // 6 of 10 failed
}

TEST_F(CircuitBreakerTest, FailureRateBelowThresholdStaysClosed) {
  auto breaker = make(
      {.consecutive_failures = 0, .failure_rate = 0.5, .minimum_calls = 10, .window = seconds(10)});
  for (int i = 0; i < 30; ++i) {
    breaker.record_success();
    breaker.record_success();
    breaker.record_failure();
  }
  EXPECT_EQ(breaker.state(), BreakerState::kClosed);
}

TEST_F(CircuitBreakerTest, OldFailuresLeaveTheRateWindow) {
  auto breaker = make(
      {.consecutive_failures = 0, .failure_rate = 0.5, .minimum_calls = 4, .window = seconds(10)});
  breaker.record_failure();
  breaker.record_failure();
  breaker.record_failure();
  clock_.advance(seconds(11));
  breaker.record_success();
  breaker.record_success();
  breaker.record_success();
  breaker.record_failure();  // 1 of 4 in the window
  EXPECT_EQ(breaker.state(), BreakerState::kClosed);
}

TEST_F(CircuitBreakerTest, ClosingStartsFromACleanWindow) {
  auto breaker = make({.consecutive_failures = 0,
                       .failure_rate = 0.5,
                       .minimum_calls = 2,
                       .window = seconds(60),
                       .open_duration = seconds(1)});
  breaker.record_failure();
  breaker.record_failure();
  ASSERT_EQ(breaker.state(), BreakerState::kOpen);
  clock_.advance(seconds(1));
  ASSERT_TRUE(breaker.allow());
  breaker.record_success();
  ASSERT_EQ(breaker.state(), BreakerState::kClosed);
  // One failure is below the minimum of a fresh window; with the failures from before
  // the breaker opened it would be 3 of 3 and trip again.
  breaker.record_failure();
  EXPECT_EQ(breaker.state(), BreakerState::kClosed);
}

TEST_F(CircuitBreakerTest, LateOutcomesWhileOpenAreIgnored) {
  auto breaker = make(consecutive(1));
  breaker.record_failure();
  clock_.advance(seconds(3));
  breaker.record_failure();
  breaker.record_success();
  EXPECT_EQ(breaker.state(), BreakerState::kOpen);
  clock_.advance(seconds(2));  // the cool-down counts from the first failure
  EXPECT_TRUE(breaker.allow());
}

TEST_F(CircuitBreakerTest, SuccessWithoutProbeDoesNotClose) {
  auto breaker = make(consecutive(1));
  breaker.record_failure();
  clock_.advance(seconds(5));
  ASSERT_TRUE(breaker.allow());
  breaker.record_success();  // the probe
  ASSERT_EQ(breaker.state(), BreakerState::kClosed);

  auto config = consecutive(1);
  config.half_open_probes = 2;
  auto second = make(config);
  second.record_failure();
  clock_.advance(seconds(5));
  ASSERT_TRUE(second.allow());
  second.record_success();
  second.record_success();  // no probe outstanding: a straggler from before
  EXPECT_EQ(second.state(), BreakerState::kHalfOpen);
}

TEST_F(CircuitBreakerTest, AbandonedProbeSlotIsReissuedAfterCoolDown) {
  auto breaker = make(consecutive(1));
  breaker.record_failure();
  clock_.advance(seconds(5));
  ASSERT_TRUE(breaker.allow());  // this caller never reports back
  clock_.advance(seconds(4));
  EXPECT_FALSE(breaker.allow());
  clock_.advance(seconds(1));
  EXPECT_TRUE(breaker.allow());
  breaker.record_success();
  EXPECT_EQ(breaker.state(), BreakerState::kClosed);
}

TEST_F(CircuitBreakerTest, StateNamesForMetricsAndLogs) {
  EXPECT_EQ(to_string(BreakerState::kClosed), "closed");
  EXPECT_EQ(to_string(BreakerState::kOpen), "open");
  EXPECT_EQ(to_string(BreakerState::kHalfOpen), "half_open");
}

TEST_F(CircuitBreakerTest, ConcurrentFailuresOpenExactlyOnce) {
  auto breaker = make({.consecutive_failures = 50, .failure_rate = 0.0});
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&breaker] {
      for (int i = 0; i < 100; ++i) {
        if (breaker.allow()) {
          breaker.record_failure();
        }
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(breaker.state(), BreakerState::kOpen);
  EXPECT_EQ(transitions_, (std::vector<Transition>{{BreakerState::kClosed, BreakerState::kOpen}}));
}

}  // namespace
}  // namespace shop::common::resilience
