#include "common/db/migrations.hpp"

#include <algorithm>
#include <unordered_set>

#include "common/db/connection_access.hpp"
#include "common/db/pool.hpp"
#include "common/db/transaction.hpp"

namespace shop::common::db {
namespace {

using boost::asio::awaitable;

constexpr std::string_view kLock = "SELECT pg_advisory_lock($1::bigint)";
constexpr std::string_view kUnlock = "SELECT pg_advisory_unlock($1::bigint)";
constexpr std::string_view kCreateLedger =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())";
constexpr std::string_view kListApplied = "SELECT name FROM schema_migrations";
constexpr std::string_view kRecord = "INSERT INTO schema_migrations (name) VALUES ($1)";

Error in_step(const Error& error, std::string_view step) {
  Error wrapped = error;
  wrapped.detail = "migrations: " + std::string(step) + ": " + error.detail;
  return wrapped;
}

}  // namespace

Result<std::vector<Migration>> plan_migrations(std::vector<Migration> known,
                                               const std::vector<std::string>& applied) {
  std::stable_sort(known.begin(), known.end(),
                   [](const Migration& a, const Migration& b) { return a.name < b.name; });
  const auto twice =
      std::adjacent_find(known.begin(), known.end(),
                         [](const Migration& a, const Migration& b) { return a.name == b.name; });
  if (twice != known.end()) {
    return Error::internal("migrations: \"" + twice->name + "\" is defined twice");
  }
  const std::unordered_set<std::string> done(applied.begin(), applied.end());
  std::erase_if(known, [&](const Migration& migration) { return done.contains(migration.name); });
  return known;
}

awaitable<Result<void>> apply_migrations(Pool& pool, const std::vector<Migration>& migrations,
                                         std::int64_t lock_key,
                                         std::chrono::milliseconds step_timeout) {
  // Catch a duplicate name before taking the lock, so a bad build fails fast.
  if (auto checked = plan_migrations(migrations, {}); !checked) co_return checked.error();

  auto connection = co_await pool.acquire();
  if (!connection) co_return in_step(connection.error(), "connect");
  // The advisory lock belongs to the server session: closing the connection is the one
  // release that cannot be skipped by an error path, so it never returns to the pool.
  detail::ConnectionAccess::close_on_release(*connection);

  auto locked = co_await connection->query(kLock, make_params(lock_key), step_timeout);
  if (!locked) co_return in_step(locked.error(), "lock");
  // Callers with another lock key (another service on the same database) may create the
  // table at the same moment; the loser's IF NOT EXISTS fails once, then sees the table.
  auto ledger = co_await connection->query(kCreateLedger, {}, step_timeout);
  if (!ledger) ledger = co_await connection->query(kCreateLedger, {}, step_timeout);
  if (!ledger) co_return in_step(ledger.error(), "create schema_migrations");
  auto listed = co_await connection->query(kListApplied, {}, step_timeout);
  if (!listed) co_return in_step(listed.error(), "list applied");

  std::vector<std::string> applied;
  applied.reserve(listed->size());
  for (const Row row : *listed) applied.emplace_back(row.text(0));
  auto pending = plan_migrations(migrations, applied);
  if (!pending) co_return pending.error();

  for (const Migration& migration : *pending) {
    auto body = [&](Connection& tx) -> awaitable<Result<void>> {
      auto ran = co_await detail::ConnectionAccess::script(tx, migration.sql, step_timeout);
      if (!ran) co_return ran.error();
      auto recorded = co_await tx.query(kRecord, make_params(migration.name), step_timeout);
      if (!recorded) co_return recorded.error();
      co_return Result<void>{};
    };
    auto done = co_await run_in_transaction(*connection, body);
    if (!done) co_return in_step(done.error(), migration.name);
  }
  // Closing would release the lock too, but only once the server notices; waiting
  // replicas should not have to wait for that.
  auto unlocked = co_await connection->query(kUnlock, make_params(lock_key), step_timeout);
  if (!unlocked) co_return in_step(unlocked.error(), "unlock");
  co_return Result<void>{};
}

}  // namespace shop::common::db
