// Registration and ServiceWatcher against a real Consul agent (SHOP_TEST_CONSUL_URL):
// an instance is listed once the agent's check of its /health passes, dropped when the
// check fails or it deregisters; the watcher keeps its last list while the agent is
// unreachable, and a registration waits out an agent that refuses. Every test uses a
// service name of its own, so it never meets the stack's services or another run.

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_future.hpp>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "common/discovery/consul_client.hpp"
#include "common/discovery/registration.hpp"
#include "common/discovery/service_watcher.hpp"
#include "support/unique_names.hpp"
#include "test_http_server.hpp"

namespace shop::common::discovery {
namespace {

using namespace std::chrono_literals;
using boost::asio::awaitable;
using testing::AgentRelay;
using testing::HealthEndpoint;

constexpr int kThreads = 3;
// The agent checks every second; a loaded 2-core machine may take a few rounds.
constexpr auto kDeadline = 20s;
// Nothing listens here: the relay in front of it is what the tests cut.
constexpr std::uint16_t kGrpcPort = 50099;

class ConsulIntegrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* url = std::getenv("SHOP_TEST_CONSUL_URL");
    if (url == nullptr || *url == '\0') GTEST_SKIP() << "SHOP_TEST_CONSUL_URL is not set";
    auto agent = parse_agent_address(url);
    ASSERT_TRUE(agent) << "SHOP_TEST_CONSUL_URL: " << url;
    agent_settings_.agent = *agent;
    agent_settings_.watch_wait = 2s;
    for (int i = 0; i < kThreads; ++i) threads_.emplace_back([this] { io_.run(); });
    health_.emplace(io_);
  }

  void TearDown() override {
    for (auto& registration : registrations_) run(registration->deregister());
    for (auto& watcher : watchers_) run(watcher->stop());
    if (relay_) run(relay_->cut());
    if (health_) run(health_->shutdown());
    work_.reset();
    for (auto& thread : threads_) thread.join();
  }

  template <class T>
  T run(awaitable<T> task) {
    return boost::asio::co_spawn(io_, std::move(task), boost::asio::use_future).get();
  }

  ConsulSettings settings_via(http::Endpoint agent) const {
    ConsulSettings settings = agent_settings_;
    settings.agent = std::move(agent);
    return settings;
  }

  std::shared_ptr<Registration> register_instance(const ConsulSettings& settings) {
    auto registration = Registration::create(io_.get_executor(), settings,
                                             {.name = service_,
                                              .bind_address = "127.0.0.1",
                                              .grpc_port = kGrpcPort,
                                              .http_port = health_->port()});
    registrations_.push_back(registration);
    registration->start();
    return registration;
  }

  std::shared_ptr<ServiceWatcher> watch(const ConsulSettings& settings) {
    auto watcher = ServiceWatcher::create(io_.get_executor(), settings, service_,
                                          [this](const std::vector<Instance>& instances) {
                                            const std::lock_guard lock(mutex_);
                                            lists_.push_back(instances);
                                            changed_.notify_all();
                                          },
                                          {.retry = {.base = 50ms, .cap = 200ms}});
    EXPECT_TRUE(watcher) << watcher.error().detail;
    watchers_.push_back(*watcher);
    (*watcher)->start();
    return *watcher;
  }

  // Waits until `condition` holds or the deadline passes. A watcher's callback wakes
  // the wait at once; the slice bounds it for conditions nothing signals.
  bool eventually(const std::function<bool()>& condition) {
    const auto deadline = std::chrono::steady_clock::now() + kDeadline;
    std::unique_lock lock(mutex_);
    while (!condition()) {
      if (std::chrono::steady_clock::now() >= deadline) return false;
      changed_.wait_for(lock, 50ms);
    }
    return true;
  }

  std::size_t callbacks() {
    const std::lock_guard lock(mutex_);
    return lists_.size();
  }

  Instance expected_instance() const {
    return {.id = service_ + "-127.0.0.1-" + std::to_string(kGrpcPort),
            .address = "127.0.0.1",
            .grpc_port = kGrpcPort,
            .http_port = health_->port()};
  }

  static bool lists_exactly(const ServiceWatcher& watcher, const std::vector<Instance>& list) {
    return watcher.synced() && watcher.snapshot() == list;
  }

  boost::asio::io_context io_;
  std::string service_ = "shop-test-" + shop::testing::unique_suffix();
  ConsulSettings agent_settings_;
  std::optional<HealthEndpoint> health_;
  std::optional<AgentRelay> relay_;

 private:
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_ =
      boost::asio::make_work_guard(io_);
  std::vector<std::thread> threads_;
  std::vector<std::shared_ptr<Registration>> registrations_;
  std::vector<std::shared_ptr<ServiceWatcher>> watchers_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::vector<Instance>> lists_;
};

TEST_F(ConsulIntegrationTest, ListedOnceItsCheckPassesDroppedWhileItFails) {
  auto registration = register_instance(agent_settings_);
  auto watcher = watch(agent_settings_);
  ASSERT_TRUE(eventually([&] { return registration->registered(); }));
  const std::vector<Instance> listed{expected_instance()};
  ASSERT_TRUE(eventually([&] { return lists_exactly(*watcher, listed); }));

  health_->answer(http::Status::service_unavailable);
  EXPECT_TRUE(eventually([&] { return lists_exactly(*watcher, {}); }));

  health_->answer(http::Status::ok);
  EXPECT_TRUE(eventually([&] { return lists_exactly(*watcher, listed); }));
}

TEST_F(ConsulIntegrationTest, DeregisterTakesItOutWhileItIsStillHealthy) {
  auto registration = register_instance(agent_settings_);
  auto watcher = watch(agent_settings_);
  const std::vector<Instance> listed{expected_instance()};
  ASSERT_TRUE(eventually([&] { return lists_exactly(*watcher, listed); }));

  run(registration->deregister());
  EXPECT_FALSE(registration->registered());
  EXPECT_TRUE(eventually([&] { return lists_exactly(*watcher, {}); }));
  const auto client = ConsulClient::from_settings(agent_settings_);
  const auto known = run(client.has_service(expected_instance().id));
  ASSERT_TRUE(known) << known.error().detail;
  EXPECT_FALSE(*known);
}

TEST_F(ConsulIntegrationTest, TheWatcherKeepsItsLastListWhileTheAgentIsUnreachable) {
  relay_.emplace(io_, *agent_settings_.agent);
  auto registration = register_instance(agent_settings_);
  auto watcher = watch(settings_via(relay_->endpoint()));
  const std::vector<Instance> listed{expected_instance()};
  ASSERT_TRUE(eventually([&] { return lists_exactly(*watcher, listed); }));
  const auto callbacks_before = callbacks();

  run(relay_->cut());
  const auto failures_before = watcher->failures();
  // The agent drops the instance, but the watcher can no longer hear of it.
  run(registration->deregister());
  ASSERT_TRUE(eventually([&] { return watcher->failures() >= failures_before + 3; }));
  EXPECT_EQ(watcher->snapshot(), listed);
  EXPECT_EQ(callbacks(), callbacks_before);
}

TEST_F(ConsulIntegrationTest, RegistrationRetriesInTheBackgroundUntilTheAgentAnswers) {
  relay_.emplace(io_, *agent_settings_.agent);
  relay_->refuse(true);
  auto registration = register_instance(settings_via(relay_->endpoint()));
  ASSERT_TRUE(eventually([&] { return relay_->calls() >= 3; }));
  EXPECT_FALSE(registration->registered());

  relay_->refuse(false);
  EXPECT_TRUE(eventually([&] { return registration->registered(); }));
  auto watcher = watch(agent_settings_);
  EXPECT_TRUE(eventually([&] { return lists_exactly(*watcher, {expected_instance()}); }));
}

TEST_F(ConsulIntegrationTest, WithNoAgentAtAllStartAndDeregisterReturnPromptly) {
  // A port nothing listens on: connections are refused.
  boost::asio::ip::tcp::acceptor probe(io_, {boost::asio::ip::make_address("127.0.0.1"), 0});
  const http::Endpoint nowhere{"127.0.0.1", probe.local_endpoint().port()};
  probe.close();
  auto registration = register_instance(settings_via(nowhere));
  EXPECT_FALSE(registration->registered());
  const auto started = std::chrono::steady_clock::now();
  run(registration->deregister());
  EXPECT_LT(std::chrono::steady_clock::now() - started, 3s);
  EXPECT_FALSE(registration->registered());
}

}  // namespace
}  // namespace shop::common::discovery
