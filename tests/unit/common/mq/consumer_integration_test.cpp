#include <gtest/gtest.h>

#include <atomic>

#include "broker_fixture.hpp"
#include "common/mq/publisher.hpp"

namespace shop::common::mq::testing {
namespace {

using boost::asio::awaitable;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

class ConsumerTest : public BrokerTest {
 protected:
  ConsumerConfig consumer_config(const std::string& name, RetryPolicy retry) {
    ConsumerConfig config;
    config.amqp = amqp(name);
    config.queue = queue(name);
    config.bindings = {binding()};
    config.retry = retry;
    config.poll_interval = 50ms;
    return config;
  }

  void publish(const OutgoingMessage& message) {
    if (!publisher_) {
      publisher_ = Publisher::create(io_.get_executor(), {.amqp = amqp("publisher")});
    }
    auto published = run(publisher_->publish(message));
    ASSERT_TRUE(published) << published.error().detail;
  }

  std::shared_ptr<Publisher> publisher_;
};

// Attempts as the handler saw them, with the time each one started.
struct Attempts {
  std::mutex mutex;
  std::vector<std::pair<int, Clock::time_point>> seen;

  void add(int attempt) {
    std::lock_guard lock(mutex);
    seen.emplace_back(attempt, Clock::now());
  }
  std::size_t size() {
    std::lock_guard lock(mutex);
    return seen.size();
  }
};

TEST_F(ConsumerTest, RetriesAfterTheScheduledDelaysThenSucceeds) {
  Attempts attempts;
  std::atomic<int> succeeded{0};
  const RetryPolicy retry{.max_attempts = 5, .base = 100ms, .cap = 200ms};
  auto handler = [&](const ReceivedEvent& received) -> awaitable<Outcome> {
    attempts.add(received.attempt);
    if (received.attempt < 3) co_return Outcome::kRetryLater;
    ++succeeded;
    co_return Outcome::kSuccess;
  };
  const std::string name = "retry";
  start_consumer(consumer_config(name, retry), handler);

  publish(event_message(make_event("flaky")));

  ASSERT_TRUE(wait_until([&] { return succeeded == 1; }));
  std::lock_guard lock(attempts.mutex);
  ASSERT_EQ(attempts.seen.size(), 3U);
  EXPECT_EQ(attempts.seen[0].first, 1);
  EXPECT_EQ(attempts.seen[1].first, 2);
  EXPECT_EQ(attempts.seen[2].first, 3);
  // Each retry waited in its delay queue for at least the scheduled time.
  EXPECT_GE(attempts.seen[1].second - attempts.seen[0].second, 100ms);
  EXPECT_GE(attempts.seen[2].second - attempts.seen[1].second, 200ms);
  EXPECT_EQ(message_count("mq-test." + suffix_ + "." + name + ".dlq"), 0U);
}

TEST_F(ConsumerTest, DeadLettersAfterMaxAttempts) {
  std::atomic<int> calls{0};
  const RetryPolicy retry{.max_attempts = 3, .base = 50ms, .cap = 50ms};
  auto handler = [&](const ReceivedEvent&) -> awaitable<Outcome> {
    ++calls;
    co_return Outcome::kRetryLater;
  };
  auto consumer = start_consumer(consumer_config("exhausted", retry), handler);
  const std::string dlq = consumer->topology().dead_letter_queue.name;
  const CloudEvent event = make_event("hopeless");

  publish(event_message(event));

  ASSERT_TRUE(wait_until([&] { return message_count(dlq) == 1; }));
  EXPECT_EQ(calls, 3);
  auto dead = take_one(dlq);
  ASSERT_TRUE(dead);
  EXPECT_EQ(header_string(dead->headers, kDeathReasonHeader), "gave up after 3 attempts");
  EXPECT_EQ(header_integer(dead->headers, kAttemptHeader), 3);
  EXPECT_EQ(header_string(dead->headers, kDeathQueueHeader), consumer->topology().queue.name);
  auto parsed = parse_cloud_event(dead->body);
  ASSERT_TRUE(parsed) << parsed.error().detail;
  EXPECT_EQ(*parsed, event);
}

TEST_F(ConsumerTest, RejectedAndMalformedMessagesGoStraightToTheDeadLetterQueue) {
  std::atomic<int> calls{0};
  auto handler = [&](const ReceivedEvent&) -> awaitable<Outcome> {
    ++calls;
    co_return Outcome::kReject;
  };
  auto consumer = start_consumer(consumer_config("refusing", {}), handler);
  const std::string dlq = consumer->topology().dead_letter_queue.name;

  publish(event_message(make_event("unwanted")));
  OutgoingMessage garbage = event_message(make_event("garbage"));
  garbage.body = "{\"not\": \"a cloud event\"";
  publish(garbage);

  ASSERT_TRUE(wait_until([&] { return message_count(dlq) == 2; }));
  EXPECT_EQ(calls, 1);  // the malformed message never reached the handler
  auto rejected = take_one(dlq);
  ASSERT_TRUE(rejected);
  EXPECT_EQ(header_string(rejected->headers, kDeathReasonHeader), "rejected by the handler");
  auto malformed = take_one(dlq);
  ASSERT_TRUE(malformed);
  EXPECT_EQ(malformed->body, garbage.body);
  const auto reason = header_string(malformed->headers, kDeathReasonHeader);
  ASSERT_TRUE(reason);
  EXPECT_TRUE(reason->starts_with("malformed: cloud event: not JSON")) << *reason;
}

TEST_F(ConsumerTest, AHandlerThatThrowsIsRetried) {
  std::atomic<int> calls{0};
  auto handler = [&](const ReceivedEvent& received) -> awaitable<Outcome> {
    ++calls;
    if (received.attempt == 1) throw std::runtime_error("database on fire");
    co_return Outcome::kSuccess;
  };
  start_consumer(consumer_config("throwing", {.max_attempts = 3, .base = 20ms, .cap = 20ms}),
                 handler);

  publish(event_message(make_event("explosive")));

  ASSERT_TRUE(wait_until([&] { return calls == 2; }));
}

TEST_F(ConsumerTest, ReattachesAfterTheBrokerClosesItsConnection) {
  Received received;
  auto handler = [&](const ReceivedEvent& event) -> awaitable<Outcome> {
    received.add(event);
    co_return Outcome::kSuccess;
  };
  auto consumer = start_consumer(consumer_config("reattach", {}), handler);
  publish(event_message(make_event("first")));
  ASSERT_TRUE(wait_until([&] { return received.size() == 1; }));

  // The consumer's own connection only, not its publisher of retries.
  ASSERT_EQ(close_broker_connections(amqp("reattach").connection_name + "\""), 1);

  // Delivered only if the consumer attached again.
  publish(event_message(make_event("second")));
  ASSERT_TRUE(wait_until([&] { return received.size() == 2; }));
  EXPECT_EQ(received.all().back().event.type, event_type("second"));
}

}  // namespace
}  // namespace shop::common::mq::testing
