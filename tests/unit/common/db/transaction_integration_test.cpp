#include <gtest/gtest.h>

#include <boost/asio/awaitable.hpp>
#include <stdexcept>

#include "common/db/pool.hpp"
#include "common/db/sql_error.hpp"
#include "database_fixture.hpp"

namespace shop::common::db::testing {
namespace {

using boost::asio::awaitable;

class TransactionTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (HasFatalFailure()) return;
    table_ = "tx_" + suffix_;
    must("CREATE TABLE " + table_ + " (id int8 PRIMARY KEY, email text NOT NULL CONSTRAINT " +
         table_ + "_email_key UNIQUE)");
    insert_ = "INSERT INTO " + table_ + " (id, email) VALUES ($1, $2)";
  }

  std::int64_t count() { return must("SELECT count(*) FROM " + table_)[0].int64(0); }

  std::string table_;
  std::string insert_;
};

TEST_F(TransactionTest, CommitsWhenTheBodySucceeds) {
  auto pool = make_pool();
  auto outcome = run(pool->transaction([&](Connection& tx) -> awaitable<Result<std::int64_t>> {
    auto first = co_await tx.query(insert_, make_params(1, "a@example.org"));
    if (!first) co_return first.error();
    auto second = co_await tx.query(insert_, make_params(2, "b@example.org"));
    if (!second) co_return second.error();
    co_return first->affected_rows() + second->affected_rows();
  }));
  ASSERT_TRUE(outcome) << outcome.error().detail;
  EXPECT_EQ(*outcome, 2);
  EXPECT_EQ(count(), 2);
}

TEST_F(TransactionTest, SupportsBodiesWithoutAValue) {
  auto pool = make_pool();
  auto outcome = run(pool->transaction([&](Connection& tx) -> awaitable<Result<void>> {
    auto inserted = co_await tx.query(insert_, make_params(1, "a@example.org"));
    if (!inserted) co_return inserted.error();
    co_return Result<void>{};
  }));
  ASSERT_TRUE(outcome) << outcome.error().detail;
  EXPECT_EQ(count(), 1);
}

TEST_F(TransactionTest, RollsBackWhenTheBodyReturnsAnError) {
  auto pool = make_pool();
  auto outcome = run(pool->transaction([&](Connection& tx) -> awaitable<Result<void>> {
    auto inserted = co_await tx.query(insert_, make_params(1, "a@example.org"));
    if (!inserted) co_return inserted.error();
    co_return Error::conflict("changed my mind");
  }));
  ASSERT_FALSE(outcome);
  EXPECT_EQ(outcome.error().code, ErrorCode::kConflict);
  EXPECT_EQ(outcome.error().detail, "changed my mind");
  EXPECT_EQ(count(), 0);
  EXPECT_EQ(pool->stats().idle, 1U);  // rolled back cleanly, so kept for reuse
}

TEST_F(TransactionTest, RollsBackAndRethrowsWhenTheBodyThrows) {
  auto pool = make_pool();
  auto throwing = [&](Connection& tx) -> awaitable<Result<void>> {
    auto inserted = co_await tx.query(insert_, make_params(1, "a@example.org"));
    if (!inserted) co_return inserted.error();
    throw std::runtime_error("boom");
  };
  EXPECT_THROW(run(pool->transaction(throwing)), std::runtime_error);
  EXPECT_EQ(count(), 0);
  auto after = run(pool->query("SELECT 1"));
  EXPECT_TRUE(after);
}

TEST_F(TransactionTest, UniqueViolationInsideRollsBackEverything) {
  auto pool = make_pool();
  auto outcome = run(pool->transaction([&](Connection& tx) -> awaitable<Result<void>> {
    auto first = co_await tx.query(insert_, make_params(1, "same@example.org"));
    if (!first) co_return first.error();
    auto second = co_await tx.query(insert_, make_params(2, "same@example.org"));
    if (!second) co_return second.error();
    co_return Result<void>{};
  }));
  ASSERT_FALSE(outcome);
  EXPECT_TRUE(is_unique_violation(outcome.error(), table_ + "_email_key"));
  EXPECT_EQ(count(), 0);
}

TEST_F(TransactionTest, ASwallowedStatementErrorIsNotReportedAsCommitted) {
  auto pool = make_pool();
  auto outcome = run(pool->transaction([&](Connection& tx) -> awaitable<Result<void>> {
    co_await tx.query(insert_, make_params(1, "a@example.org"));
    co_await tx.query(insert_, make_params(1, "again@example.org"));  // fails; ignored
    co_return Result<void>{};
  }));
  ASSERT_FALSE(outcome);
  EXPECT_EQ(outcome.error().code, ErrorCode::kInternal);
  EXPECT_EQ(count(), 0);
}

}  // namespace
}  // namespace shop::common::db::testing
