#include <gtest/gtest.h>

#include <boost/asio/awaitable.hpp>

#include "common/db/migrations.hpp"
#include "common/db/pool.hpp"
#include "database_fixture.hpp"

namespace shop::common::db::testing {
namespace {

using boost::asio::awaitable;

class MigrationsTest : public DatabaseTest {
 protected:
  // Each migration appends its name to a log: one row per run shows it ran exactly once,
  // and the CREATE TABLE in the first would fail outright if it ran twice.
  std::vector<Migration> three_migrations() {
    const std::string log = prefix_ + "_log";
    return {
        {prefix_ + "_002_more", "ALTER TABLE " + log + " ADD COLUMN extra int;\nINSERT INTO " +
                                    log + " (note) VALUES ('002');"},
        {prefix_ + "_001_create", "CREATE TABLE " + log +
                                      " (id serial PRIMARY KEY, note text NOT NULL);\n"
                                      "INSERT INTO " +
                                      log + " (note) VALUES ('001');"},
        {prefix_ + "_003_index", "CREATE INDEX " + log + "_note ON " + log +
                                     " (note);\nINSERT INTO " + log + " (note) VALUES ('003');"},
    };
  }

  std::vector<std::string> log_notes() {
    std::vector<std::string> notes;
    for (const Row row : must("SELECT note FROM " + prefix_ + "_log ORDER BY id")) {
      notes.emplace_back(row.text(0));
    }
    return notes;
  }

  std::int64_t recorded() {
    return must("SELECT count(*) FROM schema_migrations WHERE name LIKE $1",
                make_params(prefix_ + "\\_%"))[0]
        .int64(0);
  }

  static awaitable<Result<void>> apply(std::shared_ptr<Pool> pool,
                                       std::vector<Migration> migrations, std::int64_t key) {
    co_return co_await apply_migrations(*pool, migrations, key);
  }

  std::string prefix_ = "mig_" + suffix_;
  std::int64_t lock_key_ = random_key();
};

TEST_F(MigrationsTest, ReplicasStartingTogetherApplyEachMigrationExactlyOnce) {
  std::vector<std::shared_ptr<Pool>> replicas;
  std::vector<awaitable<Result<void>>> starts;
  for (int i = 0; i < 4; ++i) {
    replicas.push_back(make_pool({.size = 2}));
    starts.push_back(apply(replicas.back(), three_migrations(), lock_key_));
  }
  for (const auto& outcome : run_all(std::move(starts))) {
    EXPECT_TRUE(outcome) << outcome.error().detail;
  }
  EXPECT_EQ(log_notes(), (std::vector<std::string>{"001", "002", "003"}));
  EXPECT_EQ(recorded(), 3);

  auto again = run(apply(replicas.front(), three_migrations(), lock_key_));
  EXPECT_TRUE(again) << again.error().detail;
  EXPECT_EQ(log_notes(), (std::vector<std::string>{"001", "002", "003"}));
  EXPECT_EQ(recorded(), 3);
}

TEST_F(MigrationsTest, ANewMigrationIsAppliedOnTopOfOldOnes) {
  auto pool = make_pool();
  auto migrations = three_migrations();
  const Migration last = migrations.back();
  migrations.pop_back();
  ASSERT_TRUE(run(apply(pool, migrations, lock_key_)));
  EXPECT_EQ(log_notes(), (std::vector<std::string>{"001", "002"}));

  migrations.push_back(last);
  ASSERT_TRUE(run(apply(pool, migrations, lock_key_)));
  EXPECT_EQ(log_notes(), (std::vector<std::string>{"001", "002", "003"}));
}

TEST_F(MigrationsTest, AFailingMigrationRollsBackAndStopsTheRest) {
  auto migrations = three_migrations();
  migrations[0].sql = "CREATE TABLE " + prefix_ + "_half (id int);\nSELECT no_such_column FROM " +
                      prefix_ + "_log;";
  auto pool = make_pool();
  auto outcome = run(apply(pool, migrations, lock_key_));
  ASSERT_FALSE(outcome);
  EXPECT_NE(outcome.error().detail.find(prefix_ + "_002_more"), std::string::npos);
  EXPECT_EQ(log_notes(), (std::vector<std::string>{"001"}));
  EXPECT_EQ(recorded(), 1);
  EXPECT_TRUE(must("SELECT to_regclass($1) IS NULL", make_params(prefix_ + "_half"))[0].boolean(0));
}

TEST_F(MigrationsTest, TheLockIsFreeAfterwards) {
  auto pool = make_pool();
  ASSERT_TRUE(run(apply(pool, three_migrations(), lock_key_)));
  auto probe = must("SELECT pg_try_advisory_lock($1::bigint), pg_advisory_unlock($1::bigint)",
                    make_params(lock_key_));
  EXPECT_TRUE(probe[0].boolean(0));
  // The migration connection holds a session-level lock, so it is never pooled.
  EXPECT_EQ(pool->stats().open, 0U);
}

TEST_F(MigrationsTest, DuplicateNamesAreRefusedBeforeTouchingTheDatabase) {
  auto migrations = three_migrations();
  migrations.push_back(migrations.front());
  auto pool = make_pool({.conninfo = "host=127.0.0.1 port=1"});
  auto outcome = run(apply(pool, migrations, lock_key_));
  ASSERT_FALSE(outcome);
  EXPECT_EQ(outcome.error().code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace shop::common::db::testing
