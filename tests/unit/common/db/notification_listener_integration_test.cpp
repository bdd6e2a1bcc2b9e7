#include "common/db/notification_listener.hpp"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

#include "database_fixture.hpp"

namespace shop::common::db::testing {
namespace {

using std::chrono::seconds;

// What the listener's thread reported, for the test thread to wait on.
class Recorded {
 public:
  ListenerCallbacks callbacks() {
    return {.connected = [this] { update([this] { ++connections_; }); },
            .notified =
                [this](std::string_view payload) {
                  update([this, payload] { payloads_.emplace_back(payload); });
                },
            .disconnected = [this] { update([this] { ++disconnections_; }); }};
  }

  // Waits up to a deadline for `done` to hold over the recorded state.
  template <class Predicate>
  bool wait_for(Predicate done) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, seconds(10), [&] { return done(*this); });
  }

  int connections_ = 0;
  int disconnections_ = 0;
  std::vector<std::string> payloads_;

 private:
  template <class Change>
  void update(Change change) {
    {
      const std::lock_guard lock(mutex_);
      change();
    }
    changed_.notify_all();
  }

  std::mutex mutex_;
  std::condition_variable changed_;
};

class NotificationListenerTest : public DatabaseTest {
 protected:
  std::string channel_ = "listener_test_" + suffix_;
  std::string application_name_ = "listener-test-" + suffix_;
};

TEST_F(NotificationListenerTest, DeliversEachPayloadInCommitOrder) {
  Recorded recorded;
  NotificationListener listener(conninfo_, channel_, application_name_, recorded.callbacks());
  listener.start();
  ASSERT_TRUE(recorded.wait_for([](const Recorded& r) { return r.connections_ == 1; }));

  must("SELECT pg_notify($1, 'first')", make_params(channel_));
  must("SELECT pg_notify($1, 'second')", make_params(channel_));
  must("SELECT pg_notify('some_other_channel', 'not for us')");

  ASSERT_TRUE(recorded.wait_for([](const Recorded& r) { return r.payloads_.size() >= 2; }));
  EXPECT_EQ(recorded.payloads_, (std::vector<std::string>{"first", "second"}));
}

TEST_F(NotificationListenerTest, ReportsALostConnectionAndConnectsAgain) {
  Recorded recorded;
  NotificationListener listener(conninfo_, channel_, application_name_, recorded.callbacks());
  listener.start();
  ASSERT_TRUE(recorded.wait_for([](const Recorded& r) { return r.connections_ == 1; }));

  // Materialized first, so the terminate call never sees other sessions' rows.
  const auto ended = must(
      "WITH listener AS MATERIALIZED (SELECT pid FROM pg_stat_activity WHERE application_name = "
      "$1) "
      "SELECT count(*) FROM listener WHERE pg_terminate_backend(pid, 5000)",
      make_params(application_name_));
  ASSERT_EQ(ended[0].text(0), "1");

  ASSERT_TRUE(recorded.wait_for(
      [](const Recorded& r) { return r.disconnections_ >= 1 && r.connections_ == 2; }));
  must("SELECT pg_notify($1, 'after the return')", make_params(channel_));
  ASSERT_TRUE(recorded.wait_for([](const Recorded& r) { return !r.payloads_.empty(); }));
  EXPECT_EQ(recorded.payloads_.back(), "after the return");
}

}  // namespace
}  // namespace shop::common::db::testing
