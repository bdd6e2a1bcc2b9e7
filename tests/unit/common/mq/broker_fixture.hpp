#pragma once
// Shared set-up for tests against a real RabbitMQ (SHOP_TEST_AMQP_URL) and, for those
// that need it, a real PostgreSQL (SHOP_TEST_DATABASE_URL). Every queue and event type a
// test uses carries a fresh random suffix, so reruns and other users of the broker never
// see each other's messages; database tests get a schema of their own with the mq
// migrations applied. An io_context runs on several threads for the whole test, as in
// the services, while the test thread waits on conditions with deadlines.

#include <gtest/gtest.h>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/db/pool.hpp"
#include "common/mq/amqp_connection.hpp"
#include "common/mq/cloud_event.hpp"
#include "common/mq/consumer.hpp"
#include "support/unique_names.hpp"

namespace shop::common::mq::testing {

using shop::testing::unique_suffix;

// Polls `condition` every few milliseconds until it holds or `deadline` passes.
bool wait_until(const std::function<bool()>& condition,
                std::chrono::milliseconds deadline = std::chrono::seconds(20));

// What a test handler saw, safe to read from the test thread.
class Received {
 public:
  void add(const ReceivedEvent& received);
  std::size_t size() const;
  std::vector<ReceivedEvent> all() const;
  std::vector<std::string> ids() const;
  bool contains(const std::string& event_id) const;

 private:
  mutable std::mutex mutex_;
  std::vector<ReceivedEvent> events_;
};

// A RabbitMQ node of the test's own (scripts/lib/rabbitmq.sh, free ports, state under
// the repository's var/), for outages the shared broker must not suffer. Stopped and
// its state removed on destruction.
class OwnBroker {
 public:
  OwnBroker();
  ~OwnBroker();
  OwnBroker(const OwnBroker&) = delete;
  OwnBroker& operator=(const OwnBroker&) = delete;

  // Start and stop wait until done (a start takes several seconds); false on failure.
  bool start();
  bool stop();
  std::uint16_t port() const { return port_; }

 private:
  bool script(std::string_view action);

  std::uint16_t port_ = 0;
  std::string state_dir_;
  bool running_ = false;
};

class BrokerTest : public ::testing::Test {
 protected:
  static constexpr int kThreads = 4;

  void SetUp() override;
  void TearDown() override;

  // A test that also needs PostgreSQL calls this first in its SetUp.
  void use_database();

  template <class T>
  T run(boost::asio::awaitable<T> task) {
    return boost::asio::co_spawn(io_, std::move(task), boost::asio::use_future).get();
  }

  AmqpSettings amqp(const std::string& connection_name) const;
  // A queue name for this test; its retry and dead-letter queues are deleted at the end.
  std::string queue(const std::string& name);
  // An event type (= routing key) only this test binds to: "t<suffix>.<name>".
  std::string event_type(const std::string& name) const;
  std::string binding() const { return "t" + suffix_ + ".#"; }
  CloudEvent make_event(const std::string& name, std::int64_t sequence = 1) const;

  std::shared_ptr<Consumer> start_consumer(ConsumerConfig config, EventHandler handler);
  void stop(const std::shared_ptr<Consumer>& consumer);

  // A short-lived connection for looking at queues.
  std::unique_ptr<AmqpConnection> inspect();
  std::uint32_t message_count(const std::string& queue_name);
  // The next message in a queue, waiting up to a few seconds.
  std::optional<Delivery> take_one(const std::string& queue_name);

  // Closes, on the broker, every connection whose connection_name contains `fragment`
  // (rabbitmqctl through scripts/lib/rabbitmq.sh). Returns how many it closed.
  int close_broker_connections(const std::string& fragment);

  std::shared_ptr<db::Pool> make_pool(std::size_t size = 4);
  db::QueryResult must(std::string_view sql, db::Params params = {});
  const std::string& conninfo() const { return conninfo_; }

  boost::asio::io_context io_;
  std::string suffix_ = unique_suffix();

 private:
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work_;
  std::vector<std::thread> threads_;
  AmqpAddress address_;
  std::vector<std::string> queues_;
  std::vector<std::shared_ptr<Consumer>> consumers_;
  std::string base_conninfo_;
  std::string conninfo_;
  std::string schema_;
};

}  // namespace shop::common::mq::testing
