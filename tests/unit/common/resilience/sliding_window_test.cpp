#include "common/resilience/sliding_window.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "common/resilience/fake_clock.hpp"

namespace shop::common::resilience {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(SlidingWindowTest, SumsEventsInsideTheWindow) {
  FakeClock clock;
  SlidingWindow window(seconds(10), 10, clock.now());
  window.add(clock.now(), 3, 1);
  clock.advance(seconds(4));
  window.add(clock.now(), 2, 2);
  const auto totals = window.totals(clock.now());
  EXPECT_EQ(totals.count, 5);
  EXPECT_EQ(totals.marked, 3);
}

TEST(SlidingWindowTest, OldBucketsAgeOut) {
  FakeClock clock;
  SlidingWindow window(seconds(10), 10, clock.now());
  window.add(clock.now(), 3, 1);
  clock.advance(seconds(5));
  window.add(clock.now(), 2, 0);
  clock.advance(seconds(5));
  EXPECT_EQ(window.totals(clock.now()).count, 2);
  clock.advance(seconds(5));
  EXPECT_EQ(window.totals(clock.now()).count, 0);
}

TEST(SlidingWindowTest, ReusedSlotStartsFromZero) {
  FakeClock clock;
  SlidingWindow window(seconds(1), 4, clock.now());
  window.add(clock.now(), 10, 10);
  clock.advance(seconds(1));  // same slot index, next lap
  window.add(clock.now(), 1, 0);
  const auto totals = window.totals(clock.now());
  EXPECT_EQ(totals.count, 1);
  EXPECT_EQ(totals.marked, 0);
}

TEST(SlidingWindowTest, ResetForgetsEverything) {
  FakeClock clock;
  SlidingWindow window(milliseconds(100), 2, clock.now());
  window.add(clock.now(), 4, 4);
  window.reset();
  EXPECT_EQ(window.totals(clock.now()).count, 0);
}

TEST(SlidingWindowTest, DegenerateShapeIsWidened) {
  FakeClock clock;
  SlidingWindow window(Clock::Duration(0), 0, clock.now());
  window.add(clock.now(), 1, 0);
  EXPECT_EQ(window.totals(clock.now()).count, 1);
  EXPECT_GT(window.window(), Clock::Duration(0));
}

}  // namespace
}  // namespace shop::common::resilience
