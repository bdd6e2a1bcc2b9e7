#include <gtest/gtest.h>

#include <algorithm>
#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <set>

#include "common/db/pool.hpp"
#include "common/db/sql_error.hpp"
#include "database_fixture.hpp"
#include "support/conninfo.hpp"

namespace shop::common::db::testing {
namespace {

using boost::asio::awaitable;
using std::chrono::milliseconds;

class PoolTest : public DatabaseTest {};

TEST_F(PoolTest, QueryBindsParametersIncludingNull) {
  auto pool = make_pool();
  auto result = run(pool->query(
      "SELECT $1::text AS word, $2::int8 + 1 AS next, $3::bool AS flag, $4::text AS missing, "
      "$4 IS NULL AS missing_is_null",
      make_params("it's; DROP TABLE x; --", std::int64_t{41}, true, std::nullopt)));
  ASSERT_TRUE(result) << result.error().detail;
  ASSERT_EQ(result->size(), 1U);
  const Row row = (*result)[0];
  EXPECT_EQ(row.text(0), "it's; DROP TABLE x; --");
  EXPECT_EQ(row.int64(1), 42);
  EXPECT_TRUE(row.boolean(2));
  EXPECT_TRUE(row.is_null(3));
  EXPECT_EQ(row.optional_text(3), std::nullopt);
  EXPECT_EQ(row.optional_int64(3), std::nullopt);
  EXPECT_TRUE(row.boolean(4));
  EXPECT_EQ(result->column("next"), 1);
}

TEST_F(PoolTest, ResultsIterateAndReportAffectedRows) {
  const std::string table = "pool_rows_" + suffix_;
  must("CREATE TABLE " + table + " (id int8 PRIMARY KEY)");
  auto pool = make_pool();
  auto inserted = run(pool->query("INSERT INTO " + table + " SELECT generate_series(1, 5)"));
  ASSERT_TRUE(inserted) << inserted.error().detail;
  EXPECT_EQ(inserted->affected_rows(), 5);
  EXPECT_EQ(inserted->command_tag(), "INSERT 0 5");

  auto selected =
      run(pool->query("SELECT id FROM " + table + " WHERE id > $1 ORDER BY id", make_params(2)));
  ASSERT_TRUE(selected);
  std::vector<std::int64_t> ids;
  for (const Row row : *selected) ids.push_back(row.int64(0));
  EXPECT_EQ(ids, (std::vector<std::int64_t>{3, 4, 5}));
}

TEST_F(PoolTest, ServerErrorsAreMapped) {
  const std::string table = "pool_errors_" + suffix_;
  must("CREATE TABLE " + table + " (id int8 PRIMARY KEY, email text CONSTRAINT " + table +
       "_email_key UNIQUE, price int8 CONSTRAINT " + table + "_price_positive CHECK (price > 0))");
  auto pool = make_pool();
  const std::string insert = "INSERT INTO " + table + " (id, email, price) VALUES ($1, $2, $3)";
  ASSERT_TRUE(run(pool->query(insert, make_params(1, "a@example.org", 10))));

  auto duplicate = run(pool->query(insert, make_params(2, "a@example.org", 10)));
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);
  EXPECT_EQ(duplicate.error().detail, "unique_violation:" + table + "_email_key");
  EXPECT_TRUE(is_unique_violation(duplicate.error(), table + "_email_key"));

  auto negative = run(pool->query(insert, make_params(3, "b@example.org", -1)));
  ASSERT_FALSE(negative);
  EXPECT_EQ(negative.error().code, ErrorCode::kBadRequest);
  EXPECT_EQ(negative.error().detail, "check_violation:" + table + "_price_positive");

  auto malformed = run(pool->query("SELECT $1::int8", make_params("abc")));
  ASSERT_FALSE(malformed);
  EXPECT_EQ(malformed.error().code, ErrorCode::kBadRequest);

  auto unknown = run(pool->query("SELECT * FROM no_such_table_" + suffix_));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kInternal);
  EXPECT_NE(unknown.error().detail.find("42P01"), std::string::npos);
}

TEST_F(PoolTest, QueryTimeoutCancelsTheQueryAndThePoolKeepsWorking) {
  auto pool = make_pool({.size = 1, .query_timeout = milliseconds(200)});
  const auto started = std::chrono::steady_clock::now();
  auto slow = run(pool->query("SELECT pg_sleep(5)"));
  const auto elapsed = std::chrono::steady_clock::now() - started;
  ASSERT_FALSE(slow);
  EXPECT_EQ(slow.error().code, ErrorCode::kDeadlineExceeded);
  EXPECT_LT(elapsed, std::chrono::seconds(2));

  // With one connection, this only answers if the sleep was really cancelled on the server.
  auto next = run(pool->query("SELECT 1"));
  ASSERT_TRUE(next) << next.error().detail;
  EXPECT_EQ((*next)[0].int64(0), 1);
  EXPECT_LE(pool->stats().open, 1U);
}

TEST_F(PoolTest, PerQueryTimeoutOverridesThePoolDefault) {
  auto pool = make_pool({.size = 1});
  auto slow = run(pool->query("SELECT pg_sleep(5)", {}, milliseconds(100)));
  ASSERT_FALSE(slow);
  EXPECT_EQ(slow.error().code, ErrorCode::kDeadlineExceeded);
}

TEST_F(PoolTest, FiftyConcurrentQueriesShareAtMostFourConnections) {
  const std::string app = "shop_db_test_" + suffix_;
  auto pool = make_pool(
      {.conninfo = shop::testing::with_conninfo_option(conninfo_, "application_name", app),
       .size = 4});
  struct Seen {
    bool ok = false;
    std::int64_t pid = 0;
    std::int64_t connections = 0;
  };
  auto one = [](std::shared_ptr<Pool> pool, std::string app) -> awaitable<Seen> {
    // The short sleep keeps queries overlapping, so callers really queue for connections.
    auto result = co_await pool->query(
        "SELECT pg_backend_pid(), (SELECT count(*) FROM pg_stat_activity "
        "WHERE application_name = $1), pg_sleep(0.02)",
        make_params(app));
    if (!result) co_return Seen{};
    co_return Seen{true, (*result)[0].int64(0), (*result)[0].int64(1)};
  };
  std::vector<awaitable<Seen>> tasks;
  for (int i = 0; i < 50; ++i) tasks.push_back(one(pool, app));
  const auto seen = run_all(std::move(tasks));

  std::set<std::int64_t> pids;
  std::int64_t most = 0;
  for (const Seen& s : seen) {
    EXPECT_TRUE(s.ok);
    pids.insert(s.pid);
    most = std::max(most, s.connections);
  }
  EXPECT_LE(pids.size(), 4U);
  EXPECT_GE(most, 1);
  EXPECT_LE(most, 4);
  EXPECT_LE(pool->stats().open, 4U);
  EXPECT_EQ(pool->stats().waiting, 0U);
}

TEST_F(PoolTest, CallersQueueUntilAcquireTimeout) {
  auto pool = make_pool({.size = 1, .acquire_timeout = milliseconds(100)});
  auto scenario = [](std::shared_ptr<Pool> pool) -> awaitable<bool> {
    auto held = co_await pool->acquire();
    if (!held) co_return false;
    auto starved = co_await pool->query("SELECT 1");
    const bool timed_out = !starved && starved.error().code == ErrorCode::kUnavailable;
    { auto released = std::move(*held); }
    auto served = co_await pool->query("SELECT 1");
    co_return timed_out&& served.has_value();
  };
  EXPECT_TRUE(run(scenario(pool)));
}

TEST_F(PoolTest, ConnectionLeftInsideATransactionIsClosedNotReused) {
  auto pool = make_pool({.size = 2});
  auto scenario = [](std::shared_ptr<Pool> pool) -> awaitable<bool> {
    auto connection = co_await pool->acquire();
    if (!connection) co_return false;
    auto begun = co_await connection->query("BEGIN");
    co_return begun.has_value();
  };
  ASSERT_TRUE(run(scenario(pool)));
  EXPECT_EQ(pool->stats().open, 0U);
  EXPECT_EQ(pool->stats().idle, 0U);
}

TEST_F(PoolTest, AConnectionTheServerKilledIsReplaced) {
  auto pool = make_pool({.size = 1});
  auto before = run(pool->query("SELECT pg_backend_pid()"));
  ASSERT_TRUE(before);
  const std::int64_t pid = (*before)[0].int64(0);
  // The timeout argument makes the server wait until that backend has really exited.
  auto killed = must("SELECT pg_terminate_backend($1, 5000)", make_params(pid));
  ASSERT_EQ(killed.size(), 1U);
  ASSERT_TRUE(killed[0].boolean(0));

  auto after = run(pool->query("SELECT pg_backend_pid()"));
  ASSERT_TRUE(after) << after.error().detail;
  EXPECT_NE((*after)[0].int64(0), pid);
}

TEST_F(PoolTest, PingSaysWhetherTheDatabaseAnswers) {
  auto healthy = make_pool();
  EXPECT_TRUE(run(healthy->ping()));

  // Port 1 refuses at once: a down database, without waiting for any timeout.
  auto down = make_pool({.conninfo = "host=127.0.0.1 port=1 user=nobody dbname=none"});
  EXPECT_FALSE(run(down->ping()));
  auto refused = run(down->query("SELECT 1"));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(down->stats().open, 0U);
}

TEST_F(PoolTest, CreateDoesNoIo) {
  auto pool = make_pool({.conninfo = "host=127.0.0.1 port=1"});
  EXPECT_EQ(pool->stats().open, 0U);
}

}  // namespace
}  // namespace shop::common::db::testing
