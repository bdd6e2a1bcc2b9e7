#include "common/resilience/deadline.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "common/resilience/fake_clock.hpp"

namespace shop::common::resilience {
namespace {

using std::chrono::microseconds;
using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(DeadlineTest, RemainingShrinksAndExpires) {
  FakeClock clock;
  const Deadline deadline = Deadline::after(milliseconds(300), clock);
  EXPECT_EQ(deadline.remaining(), milliseconds(300));
  EXPECT_FALSE(deadline.expired());
  clock.advance(milliseconds(200));
  EXPECT_EQ(deadline.remaining(), milliseconds(100));
  clock.advance(milliseconds(100));
  EXPECT_TRUE(deadline.expired());
  EXPECT_EQ(deadline.remaining(), Clock::Duration::zero());
  clock.advance(seconds(1));
  EXPECT_EQ(deadline.remaining(), Clock::Duration::zero());
}

TEST(DeadlineTest, DefaultIsInfinite) {
  const Deadline deadline;
  EXPECT_TRUE(deadline.is_infinite());
  EXPECT_FALSE(deadline.expired());
  EXPECT_EQ(deadline.remaining(), Clock::Duration::max());
  EXPECT_EQ(deadline.to_timeout_ms(), std::nullopt);
  EXPECT_EQ(deadline.to_grpc_timeout_header(), std::nullopt);
}

TEST(DeadlineTest, HugeTimeoutSaturatesToInfinite) {
  FakeClock clock;
  EXPECT_TRUE(Deadline::after(Clock::Duration::max(), clock).is_infinite());
}

TEST(DeadlineTest, WithinPicksTheTighterBound) {
  FakeClock clock;
  const Deadline parent = Deadline::after(seconds(2), clock);
  EXPECT_EQ(parent.within(milliseconds(500)).remaining(), milliseconds(500));
  EXPECT_EQ(parent.within(seconds(10)).remaining(), seconds(2));
  EXPECT_EQ(Deadline::infinite(clock).within(seconds(1)).remaining(), seconds(1));
}

TEST(DeadlineTest, StdMinOfParentAndHop) {
  FakeClock clock;
  const Deadline parent = Deadline::after(seconds(2), clock);
  const Deadline hop = Deadline::after(milliseconds(250), clock);
  EXPECT_EQ(std::min(parent, hop), hop);
  EXPECT_LT(hop, parent);
}

TEST(DeadlineTest, TimeoutMillisRoundTrip) {
  FakeClock clock;
  const Deadline incoming = Deadline::from_timeout_ms(1500, clock);
  EXPECT_EQ(incoming.remaining(), milliseconds(1500));
  EXPECT_EQ(incoming.to_timeout_ms(), 1500);
  clock.advance(microseconds(400));
  EXPECT_EQ(incoming.to_timeout_ms(), 1500);  // rounded up, never short-changed to 0
  clock.advance(milliseconds(1499) + microseconds(599));
  EXPECT_EQ(incoming.to_timeout_ms(), 1);
  clock.advance(microseconds(1));
  EXPECT_EQ(incoming.to_timeout_ms(), 0);
}

TEST(DeadlineTest, NonPositiveTimeoutIsAlreadyExpired) {
  FakeClock clock;
  EXPECT_TRUE(Deadline::from_timeout_ms(0, clock).expired());
  EXPECT_TRUE(Deadline::from_timeout_ms(-10, clock).expired());
}

TEST(DeadlineTest, GrpcTimeoutHeaderEncoding) {
  FakeClock clock;
  EXPECT_EQ(Deadline::after(milliseconds(250), clock).to_grpc_timeout_header(), "250m");
  EXPECT_EQ(Deadline::after(microseconds(1), clock).to_grpc_timeout_header(), "1m");
  EXPECT_EQ(Deadline::after(std::chrono::hours(30 * 24), clock).to_grpc_timeout_header(),
            "2592000S");
  EXPECT_EQ(Deadline::after(std::chrono::hours(24 * 365 * 100), clock).to_grpc_timeout_header(),
            "52560000M");
  EXPECT_EQ(Deadline::after(std::chrono::hours(24 * 365 * 200), clock).to_grpc_timeout_header(),
            "1752000H");
}

TEST(DeadlineTest, GrpcTimeoutHeaderParsing) {
  FakeClock clock;
  EXPECT_EQ(Deadline::from_grpc_timeout_header("2S", clock)->remaining(), seconds(2));
  EXPECT_EQ(Deadline::from_grpc_timeout_header("100m", clock)->remaining(), milliseconds(100));
  EXPECT_EQ(Deadline::from_grpc_timeout_header("5u", clock)->remaining(), microseconds(5));
  EXPECT_EQ(Deadline::from_grpc_timeout_header("7n", clock)->remaining(),
            std::chrono::nanoseconds(7));
  EXPECT_EQ(Deadline::from_grpc_timeout_header("3M", clock)->remaining(), std::chrono::minutes(3));
  EXPECT_EQ(Deadline::from_grpc_timeout_header("1H", clock)->remaining(), std::chrono::hours(1));
  EXPECT_TRUE(Deadline::from_grpc_timeout_header("99999999H", clock)->is_infinite());
}

TEST(DeadlineTest, GrpcTimeoutHeaderRejectsMalformedValues) {
  FakeClock clock;
  for (const char* bad : {"", "S", "10", "10x", "-5S", "+5S", "123456789S", "1.5S", " 5S"}) {
    EXPECT_EQ(Deadline::from_grpc_timeout_header(bad, clock), std::nullopt) << bad;
  }
}

TEST(DeadlineTest, HeaderRoundTripPreservesTheBudget) {
  FakeClock clock;
  const Deadline sent = Deadline::after(milliseconds(1234), clock);
  const auto header = sent.to_grpc_timeout_header();
  ASSERT_TRUE(header);
  const auto received = Deadline::from_grpc_timeout_header(*header, clock);
  ASSERT_TRUE(received);
  EXPECT_EQ(*received, sent);
}

}  // namespace
}  // namespace shop::common::resilience
