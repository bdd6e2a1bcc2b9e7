// The order log's write pattern: each change is an insert of the next sequence number,
// and a unique index on (log, seq) makes concurrent writers of one log take turns. A
// writer that loses a race (kConflict) reads the log's end again and retries.

#include <gtest/gtest.h>

#include <boost/asio/awaitable.hpp>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "mongo_fixture.hpp"

namespace shop::common::mongo::testing {
namespace {

namespace json = boost::json;
using boost::asio::awaitable;

constexpr int kWriters = 8;
constexpr int kEntriesPerWriter = 40;
constexpr int kMaxAttemptsPerEntry = 1000;

// Appends `entries` entries to log `log_id`; returns how many races it lost on the way.
awaitable<Result<int>> append_entries(std::shared_ptr<Database> db, std::string collection,
                                      std::string log_id, int writer, int entries) {
  int conflicts = 0;
  for (int entry = 0; entry < entries; ++entry) {
    for (int attempt = 0;; ++attempt) {
      if (attempt == kMaxAttemptsPerEntry) {
        co_return Error::internal("writer " + std::to_string(writer) + " gave up on an entry");
      }
      json::object this_log{{"log_id", log_id}};
      FindOptions newest{.sort = json::object{{"seq", -1}}, .limit = 1};
      auto last = co_await db->find_one(collection, std::move(this_log), std::move(newest));
      if (!last) co_return last.error();
      std::int64_t next = 1;
      if (last->has_value()) next = (**last).at("seq").as_int64() + 1;
      json::object event{{"log_id", log_id}, {"seq", next}, {"writer", writer}, {"entry", entry}};
      auto appended = co_await db->insert_one(collection, std::move(event));
      if (appended) break;
      if (appended.error().code != ErrorCode::kConflict) co_return appended.error();
      ++conflicts;
    }
  }
  co_return conflicts;
}

class MongoConcurrentAppendTest : public MongoTest {};

TEST_F(MongoConcurrentAppendTest, WritersOfOneLogEndWithAContiguousSequence) {
  const std::string log = collection("order_log");
  const std::string log_id = "order-under-contention";
  auto indexed =
      run(db_->create_index(log, json::object{{"log_id", 1}, {"seq", 1}}, Unique::kYes, "log_seq"));
  ASSERT_TRUE(indexed) << indexed.error().detail;
  // One driver thread per writer, so the writers really do race on the server.
  auto db = connect({.threads = kWriters});
  ASSERT_NE(db, nullptr);

  std::vector<awaitable<Result<int>>> writers;
  writers.reserve(kWriters);
  for (int writer = 0; writer < kWriters; ++writer) {
    writers.push_back(append_entries(db, log, log_id, writer, kEntriesPerWriter));
  }
  int conflicts = 0;
  for (auto& outcome : run_all(std::move(writers))) {
    ASSERT_TRUE(outcome) << outcome.error().detail;
    conflicts += *outcome;
  }
  RecordProperty("lost_races", conflicts);

  FindOptions in_order{.sort = json::object{{"seq", 1}}};
  auto entries = run(db_->find(log, json::object{{"log_id", log_id}}, in_order));
  ASSERT_TRUE(entries) << entries.error().detail;
  ASSERT_EQ(entries->size(), static_cast<std::size_t>(kWriters * kEntriesPerWriter));
  std::set<std::pair<std::int64_t, std::int64_t>> written;  // (writer, entry)
  for (std::size_t i = 0; i < entries->size(); ++i) {
    const json::object& entry = (*entries)[i];
    ASSERT_EQ(entry.at("seq").as_int64(), static_cast<std::int64_t>(i + 1)) << "at index " << i;
    written.emplace(entry.at("writer").as_int64(), entry.at("entry").as_int64());
  }
  EXPECT_EQ(written.size(), entries->size()) << "an entry was appended twice";
  EXPECT_EQ(written.begin()->first, 0);
  EXPECT_EQ(written.rbegin()->first, kWriters - 1);
  EXPECT_EQ(written.rbegin()->second, kEntriesPerWriter - 1);
}

}  // namespace
}  // namespace shop::common::mongo::testing
