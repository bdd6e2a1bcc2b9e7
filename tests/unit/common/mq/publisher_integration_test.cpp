#include <gtest/gtest.h>

#include <boost/asio/ip/tcp.hpp>

#include "broker_fixture.hpp"
#include "common/mq/publisher.hpp"

namespace shop::common::mq::testing {
namespace {

using boost::asio::awaitable;
using namespace std::chrono_literals;

class PublisherTest : public BrokerTest {
 protected:
  // Records every event and acknowledges it.
  EventHandler recorder() {
    return [this](const ReceivedEvent& received) -> awaitable<Outcome> {
      received_.add(received);
      co_return Outcome::kSuccess;
    };
  }

  ConsumerConfig consumer_config(const std::string& name) {
    ConsumerConfig config;
    config.amqp = amqp(name);
    config.queue = queue(name);
    config.bindings = {binding()};
    return config;
  }

  std::shared_ptr<Publisher> publisher(std::chrono::milliseconds timeout = 5s) {
    return Publisher::create(io_.get_executor(),
                             {.amqp = amqp("publisher"), .publish_timeout = timeout});
  }

  Received received_;
};

TEST_F(PublisherTest, PublishesWithAConfirmAndTheEventComesBackIntact) {
  start_consumer(consumer_config("roundtrip"), recorder());
  auto events = publisher();
  const CloudEvent event = make_event("created");

  auto published = run(events->publish(event));

  ASSERT_TRUE(published) << published.error().detail;
  EXPECT_TRUE(events->connected());
  ASSERT_TRUE(wait_until([&] { return received_.size() == 1; }));
  const ReceivedEvent received = received_.all().front();
  EXPECT_EQ(received.event, event);
  EXPECT_EQ(received.attempt, 1);
  EXPECT_FALSE(received.redelivered);
  // The handler's span continues the event's trace.
  EXPECT_EQ(received.trace.trace_id, obs::parse_traceparent(*event.traceparent)->trace_id);
  EXPECT_NE(received.trace.span_id, obs::parse_traceparent(*event.traceparent)->span_id);
}

TEST_F(PublisherTest, ABatchIsConfirmedMessageByMessageAndArrivesInOrder) {
  start_consumer(consumer_config("batch"), recorder());
  auto events = publisher();
  std::vector<OutgoingMessage> batch;
  std::vector<std::string> ids;
  for (int i = 1; i <= 300; ++i) {
    const CloudEvent event = make_event("numbered", i);
    ids.push_back(event.id);
    batch.push_back(event_message(event));
  }

  auto results = run(events->publish_batch(std::move(batch)));

  ASSERT_EQ(results.size(), 300U);
  for (const auto& result : results) ASSERT_TRUE(result) << result.error().detail;
  ASSERT_TRUE(wait_until([&] { return received_.size() == 300; }));
  EXPECT_EQ(received_.ids(), ids);
}

TEST_F(PublisherTest, AnUnroutableMandatoryMessageFailsAndOthersInItsBatchSucceed) {
  const std::string existing = queue("existing");
  auto declare = inspect();
  ASSERT_TRUE(declare);
  ASSERT_TRUE(declare->declare_queue({existing, std::nullopt, std::nullopt}));
  auto events = publisher();
  OutgoingMessage routable{.routing_key = existing, .body = "{}", .mandatory = true};
  OutgoingMessage unroutable{
      .routing_key = "mq-test." + suffix_ + ".missing", .body = "{}", .mandatory = true};
  std::vector<OutgoingMessage> batch{routable, unroutable, routable};

  auto results = run(events->publish_batch(std::move(batch)));

  ASSERT_EQ(results.size(), 3U);
  EXPECT_TRUE(results[0]) << results[0].error().detail;
  ASSERT_FALSE(results[1]);
  EXPECT_EQ(results[1].error().code, ErrorCode::kInternal);
  EXPECT_NE(results[1].error().detail.find("no queue takes routing key"), std::string::npos)
      << results[1].error().detail;
  EXPECT_TRUE(results[2]) << results[2].error().detail;
  EXPECT_TRUE(wait_until([&] { return message_count(existing) == 2; }));
  // Without `mandatory` the broker drops what no queue takes, and confirms it.
  unroutable.mandatory = false;
  EXPECT_TRUE(run(events->publish(unroutable)));
}

TEST_F(PublisherTest, GivesUpWithinItsTimeoutWhenNoBrokerListens) {
  // A port that was free a moment ago: connections to it are refused.
  std::uint16_t closed_port = 0;
  {
    boost::asio::io_context scratch;
    boost::asio::ip::tcp::acceptor acceptor(scratch,
                                            {boost::asio::ip::make_address("127.0.0.1"), 0});
    closed_port = acceptor.local_endpoint().port();
  }
  AmqpSettings settings = amqp("nowhere");
  settings.address.port = closed_port;
  auto events = Publisher::create(io_.get_executor(), {.amqp = settings, .publish_timeout = 700ms});

  const auto started = std::chrono::steady_clock::now();
  auto published = run(events->publish(make_event("lost")));
  const auto took = std::chrono::steady_clock::now() - started;

  ASSERT_FALSE(published);
  EXPECT_EQ(published.error().code, ErrorCode::kUnavailable) << published.error().detail;
  EXPECT_LT(took, 2s);
  EXPECT_FALSE(events->connected());
}

TEST_F(PublisherTest, ReconnectsAfterTheBrokerClosesItsConnection) {
  start_consumer(consumer_config("reconnect"), recorder());
  auto events = publisher();
  ASSERT_TRUE(run(events->publish(make_event("before"))));
  ASSERT_TRUE(wait_until([&] { return received_.size() == 1; }));

  ASSERT_EQ(close_broker_connections(amqp("publisher").connection_name), 1);

  auto published = run(events->publish(make_event("after")));
  ASSERT_TRUE(published) << published.error().detail;
  ASSERT_TRUE(wait_until([&] { return received_.size() == 2; }));
  EXPECT_EQ(received_.all().back().event.type, event_type("after"));
}

}  // namespace
}  // namespace shop::common::mq::testing
