#include "common/db/lease_queue.hpp"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace shop::common::db::detail {
namespace {

using Queue = LeaseQueue<int>;
using Kind = Queue::Grant::Kind;
using std::chrono::milliseconds;

struct Taken {
  std::string taker;
  Queue::Grant grant;
};

class LeaseQueueTest : public ::testing::Test {
 protected:
  void take(std::string taker, milliseconds wait = std::chrono::hours(1)) {
    queue_->async_take(wait, [this, taker](Queue::Grant grant) {
      taken_.push_back({taker, std::move(grant)});
    });
  }

  // Runs what is ready; restart() first because running out of work stops the context.
  void drain() {
    io_.restart();
    io_.poll();
  }

  boost::asio::io_context io_;
  std::shared_ptr<Queue> queue_ = std::make_shared<Queue>(io_.get_executor(), 2);
  std::vector<Taken> taken_;
};

TEST_F(LeaseQueueTest, HandsOutSlotsUpToCapacityThenQueues) {
  take("a");
  take("b");
  take("c");
  drain();
  ASSERT_EQ(taken_.size(), 2U);
  EXPECT_EQ(taken_[0].grant.kind, Kind::kSlot);
  EXPECT_EQ(taken_[1].grant.kind, Kind::kSlot);
  const LeaseStats stats = queue_->stats();
  EXPECT_EQ(stats.open, 2U);
  EXPECT_EQ(stats.waiting, 1U);
}

TEST_F(LeaseQueueTest, CompletesOnlyThroughTheExecutorNeverInline) {
  take("a");
  EXPECT_TRUE(taken_.empty());
  drain();
  EXPECT_EQ(taken_.size(), 1U);
}

TEST_F(LeaseQueueTest, ReturnedItemsGoToTheLongestWaitingTakerFirst) {
  take("a");
  take("b");
  take("first");
  take("second");
  take("third");
  drain();
  ASSERT_EQ(taken_.size(), 2U);

  queue_->give_back(std::make_shared<int>(7));
  queue_->give_back(nullptr);
  queue_->give_back(std::make_shared<int>(9));
  drain();

  ASSERT_EQ(taken_.size(), 5U);
  EXPECT_EQ(taken_[2].taker, "first");
  EXPECT_EQ(taken_[2].grant.kind, Kind::kItem);
  EXPECT_EQ(*taken_[2].grant.item, 7);
  EXPECT_EQ(taken_[3].taker, "second");
  EXPECT_EQ(taken_[3].grant.kind, Kind::kSlot);
  EXPECT_EQ(taken_[4].taker, "third");
  EXPECT_EQ(*taken_[4].grant.item, 9);
  EXPECT_EQ(queue_->stats().open, 2U);
}

TEST_F(LeaseQueueTest, ReusesAnIdleItemBeforeOpeningAnother) {
  take("a");
  drain();
  auto item = std::make_shared<int>(1);
  queue_->give_back(item);
  EXPECT_EQ(queue_->stats().idle, 1U);

  take("b");
  drain();
  ASSERT_EQ(taken_.size(), 2U);
  EXPECT_EQ(taken_[1].grant.kind, Kind::kItem);
  EXPECT_EQ(taken_[1].grant.item, item);
  EXPECT_EQ(queue_->stats().open, 1U);
  EXPECT_EQ(queue_->stats().idle, 0U);
}

TEST_F(LeaseQueueTest, AClosedItemFreesItsSlot) {
  take("a");
  take("b");
  drain();
  queue_->give_back(nullptr);
  EXPECT_EQ(queue_->stats().open, 1U);
  take("c");
  drain();
  EXPECT_EQ(taken_.back().grant.kind, Kind::kSlot);
  EXPECT_EQ(queue_->stats().open, 2U);
}

TEST_F(LeaseQueueTest, AWaiterTimesOutAndLaterReturnsDoNotReachIt) {
  take("a");
  take("b");
  take("late", milliseconds(1));
  io_.run();  // returns once the waiter's deadline has fired: nothing else is pending
  ASSERT_EQ(taken_.size(), 3U);
  EXPECT_EQ(taken_[2].taker, "late");
  EXPECT_EQ(taken_[2].grant.kind, Kind::kTimeout);
  EXPECT_EQ(queue_->stats().waiting, 0U);

  queue_->give_back(std::make_shared<int>(3));
  drain();
  EXPECT_EQ(taken_.size(), 3U);
  EXPECT_EQ(queue_->stats().idle, 1U);
}

TEST_F(LeaseQueueTest, AServedWaiterIsNotAlsoTimedOut) {
  take("a");
  take("b");
  take("waiter", milliseconds(50));
  drain();
  queue_->give_back(nullptr);
  io_.run();  // drains the cancelled deadline as well
  ASSERT_EQ(taken_.size(), 3U);
  EXPECT_EQ(taken_[2].grant.kind, Kind::kSlot);
}

}  // namespace
}  // namespace shop::common::db::detail
