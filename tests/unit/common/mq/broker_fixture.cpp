#include "broker_fixture.hpp"

#include <algorithm>
#include <boost/asio/ip/tcp.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <sstream>

#include "common/db/migrations.hpp"
#include "common/mq/amqp_url.hpp"
#include "common/observability/trace_context.hpp"
#include "support/conninfo.hpp"
#include "support/unique_names.hpp"

#ifndef SHOP_RABBITMQ_SCRIPT
#error "SHOP_RABBITMQ_SCRIPT must name scripts/lib/rabbitmq.sh"
#endif

namespace shop::common::mq::testing {
namespace {

using namespace std::chrono_literals;

// Runs a shell command and returns its standard output (and error).
std::string capture(const std::string& command, int& status) {
  std::string output;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) {
    status = -1;
    return output;
  }
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) output += buffer;
  status = ::pclose(pipe);
  return output;
}

bool port_free(std::uint16_t port) {
  boost::asio::io_context scratch;
  boost::asio::ip::tcp::acceptor acceptor(scratch);
  boost::system::error_code error;
  acceptor.open(boost::asio::ip::tcp::v4(), error);
  if (!error) acceptor.bind({boost::asio::ip::make_address("127.0.0.1"), port}, error);
  return !error;
}

}  // namespace

OwnBroker::OwnBroker() {
  // rabbitmq.sh derives the distribution and epmd ports as +20000 and +21000.
  std::random_device entropy;
  std::uniform_int_distribution<int> pick(20000, 28999);
  for (int tries = 0; tries < 100 && port_ == 0; ++tries) {
    const auto candidate = static_cast<std::uint16_t>(pick(entropy));
    if (port_free(candidate) && port_free(candidate + 20000) && port_free(candidate + 21000)) {
      port_ = candidate;
    }
  }
  const std::filesystem::path repo =
      std::filesystem::path(SHOP_RABBITMQ_SCRIPT).parent_path().parent_path().parent_path();
  state_dir_ = (repo / "var" / ("test-rabbitmq-" + unique_suffix())).string();
}

OwnBroker::~OwnBroker() {
  if (running_) stop();
  std::error_code ignored;
  std::filesystem::remove_all(state_dir_, ignored);
}

bool OwnBroker::script(std::string_view action) {
  if (port_ == 0) return false;
  int status = 0;
  const std::string output =
      capture("SHOP_VAR='" + state_dir_ + "' SHOP_AMQP_PORT=" + std::to_string(port_) + " bash '" +
                  std::string(SHOP_RABBITMQ_SCRIPT) + "' " + std::string(action),
              status);
  EXPECT_EQ(status, 0) << "rabbitmq.sh " << action << " failed:\n" << output;
  return status == 0;
}

bool OwnBroker::start() {
  running_ = true;
  return script("start");
}

bool OwnBroker::stop() {
  const bool stopped = script("stop");
  running_ = !stopped;
  return stopped;
}

bool wait_until(const std::function<bool()>& condition, std::chrono::milliseconds deadline) {
  const auto end = std::chrono::steady_clock::now() + deadline;
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= end) return condition();
    std::this_thread::sleep_for(5ms);  // poll interval; the condition decides
  }
  return true;
}

void Received::add(const ReceivedEvent& received) {
  std::lock_guard lock(mutex_);
  events_.push_back(received);
}

std::size_t Received::size() const {
  std::lock_guard lock(mutex_);
  return events_.size();
}

std::vector<ReceivedEvent> Received::all() const {
  std::lock_guard lock(mutex_);
  return events_;
}

std::vector<std::string> Received::ids() const {
  std::lock_guard lock(mutex_);
  std::vector<std::string> ids;
  for (const auto& received : events_) ids.push_back(received.event.id);
  return ids;
}

bool Received::contains(const std::string& event_id) const {
  std::lock_guard lock(mutex_);
  for (const auto& received : events_) {
    if (received.event.id == event_id) return true;
  }
  return false;
}

void BrokerTest::SetUp() {
  const char* url = std::getenv("SHOP_TEST_AMQP_URL");
  if (url == nullptr || *url == '\0') {
    GTEST_FAIL() << "SHOP_TEST_AMQP_URL is not set: these tests need a RabbitMQ, e.g. "
                    "amqp://guest:guest@127.0.0.1:5672/ (scripts/lib/rabbitmq.sh start)";
  }
  auto address = parse_amqp_url(url);
  if (!address) GTEST_FAIL() << "SHOP_TEST_AMQP_URL: " << address.error().detail;
  address_ = *address;
  work_.emplace(io_.get_executor());
  for (int i = 0; i < kThreads; ++i) threads_.emplace_back([this] { io_.run(); });
}

void BrokerTest::TearDown() {
  while (!consumers_.empty()) stop(consumers_.back());
  if (!queues_.empty()) {
    if (auto connection = AmqpConnection::open(amqp("cleanup"))) {
      for (const auto& name : queues_) static_cast<void>((*connection)->delete_queue(name));
    }
  }
  if (!schema_.empty()) {
    auto pool = db::Pool::create(io_.get_executor(), {.conninfo = base_conninfo_, .size = 1});
    auto dropped = run(pool->query("DROP SCHEMA " + schema_ + " CASCADE"));
    EXPECT_TRUE(dropped) << dropped.error().detail;
  }
  work_.reset();
  io_.stop();
  for (auto& thread : threads_) thread.join();
}

void BrokerTest::use_database() {
  const char* url = std::getenv("SHOP_TEST_DATABASE_URL");
  if (url == nullptr || *url == '\0') {
    GTEST_FAIL() << "SHOP_TEST_DATABASE_URL is not set: these tests need a PostgreSQL conninfo";
  }
  base_conninfo_ = url;
  {
    auto pool = db::Pool::create(io_.get_executor(), {.conninfo = base_conninfo_, .size = 1});
    auto created = run(pool->query("CREATE SCHEMA mq_" + suffix_));
    ASSERT_TRUE(created) << created.error().detail;
  }
  schema_ = "mq_" + suffix_;
  conninfo_ =
      shop::testing::with_conninfo_option(base_conninfo_, "options", "-csearch_path=" + schema_);
  auto pool = make_pool(1);
  auto migrated =
      run(db::apply_migrations(*pool, db::embedded_migrations(), shop::testing::random_key()));
  ASSERT_TRUE(migrated) << migrated.error().detail;
}

AmqpSettings BrokerTest::amqp(const std::string& connection_name) const {
  return {.address = address_,
          .connection_name = "mq-test-" + suffix_ + "-" + connection_name,
          .connect_timeout = 5s,
          .rpc_timeout = 5s,
          .heartbeat = 0s};
}

std::string BrokerTest::queue(const std::string& name) {
  std::string full = "mq-test." + suffix_ + "." + name;
  queues_.push_back(full);
  return full;
}

std::string BrokerTest::event_type(const std::string& name) const {
  return "t" + suffix_ + "." + name;
}

CloudEvent BrokerTest::make_event(const std::string& name, std::int64_t sequence) const {
  CloudEvent event;
  event.id = obs::new_request_id();
  event.source = "/mq-test";
  event.type = event_type(name);
  event.subject = "aggregate-1";
  event.time =
      std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
  event.sequence = sequence;
  event.traceparent = obs::to_traceparent(obs::new_root());
  event.data = {{"name", name}};
  return event;
}

std::shared_ptr<Consumer> BrokerTest::start_consumer(ConsumerConfig config, EventHandler handler) {
  if (config.amqp.connection_name.empty()) config.amqp = amqp("consumer");
  auto created = Consumer::create(io_.get_executor(), std::move(config), std::move(handler));
  EXPECT_TRUE(created) << created.error().detail;
  if (!created) return nullptr;
  auto consumer = *created;
  const ConsumerTopology& topology = consumer->topology();
  queues_.push_back(topology.queue.name);
  queues_.push_back(topology.dead_letter_queue.name);
  for (const auto& retry : topology.retry_queues) queues_.push_back(retry.name);
  consumers_.push_back(consumer);
  consumer->start();
  EXPECT_TRUE(wait_until([&] { return consumer->connected(); })) << "the consumer did not attach";
  return consumer;
}

void BrokerTest::stop(const std::shared_ptr<Consumer>& consumer) {
  const auto it = std::find(consumers_.begin(), consumers_.end(), consumer);
  if (it == consumers_.end()) return;
  consumers_.erase(it);
  run(consumer->stop());
}

std::unique_ptr<AmqpConnection> BrokerTest::inspect() {
  auto connection = AmqpConnection::open(amqp("inspect"));
  if (!connection) {
    ADD_FAILURE() << connection.error().detail;
    return nullptr;
  }
  return std::move(*connection);
}

std::uint32_t BrokerTest::message_count(const std::string& queue_name) {
  auto connection = inspect();
  if (!connection) return 0;
  auto count = connection->message_count(queue_name);
  if (!count) {
    ADD_FAILURE() << count.error().detail;
    return 0;
  }
  return *count;
}

std::optional<Delivery> BrokerTest::take_one(const std::string& queue_name) {
  auto connection = inspect();
  if (!connection) return std::nullopt;
  if (auto ok = connection->set_prefetch(1); !ok) {
    ADD_FAILURE() << ok.error().detail;
    return std::nullopt;
  }
  if (auto ok = connection->start_consuming(queue_name); !ok) {
    ADD_FAILURE() << ok.error().detail;
    return std::nullopt;
  }
  const auto end = std::chrono::steady_clock::now() + 5s;
  while (std::chrono::steady_clock::now() < end) {
    auto received = connection->receive(100ms);
    if (!received) {
      ADD_FAILURE() << received.error().detail;
      return std::nullopt;
    }
    if (*received) {
      static_cast<void>(connection->ack((*received)->delivery_tag));
      return std::move(*received);
    }
  }
  return std::nullopt;
}

int BrokerTest::close_broker_connections(const std::string& fragment) {
  const std::string ctl = "SHOP_AMQP_PORT=" + std::to_string(address_.port) + " bash '" +
                          std::string(SHOP_RABBITMQ_SCRIPT) + "' ctl ";
  int status = 0;
  const std::string listing = capture(ctl + "list_connections pid client_properties", status);
  EXPECT_EQ(status, 0) << "rabbitmqctl list_connections failed:\n" << listing;
  std::istringstream lines(listing);
  std::string line;
  int closed = 0;
  while (std::getline(lines, line)) {
    if (line.find(fragment) == std::string::npos) continue;
    const std::string pid = line.substr(0, line.find_first_of(" \t"));
    const std::string output =
        capture(ctl + "close_connection '" + pid + "' 'closed by a test'", status);
    EXPECT_EQ(status, 0) << "rabbitmqctl close_connection failed:\n" << output;
    if (status == 0) ++closed;
  }
  return closed;
}

std::shared_ptr<db::Pool> BrokerTest::make_pool(std::size_t size) {
  return db::Pool::create(io_.get_executor(), {.conninfo = conninfo_, .size = size});
}

db::QueryResult BrokerTest::must(std::string_view sql, db::Params params) {
  auto pool = make_pool(1);
  auto result = run(pool->query(sql, std::move(params)));
  if (!result) {
    ADD_FAILURE() << "statement failed: " << sql << ": " << result.error().detail;
    return {};
  }
  return *result;
}

}  // namespace shop::common::mq::testing
