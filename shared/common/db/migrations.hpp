#pragma once
// Schema migrations: SQL files compiled into each service (shop_embed_migrations) and
// applied at start-up, in name order, each exactly once even when replicas start together.

#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "common/errors.hpp"

namespace shop::common::db {

class Pool;

struct Migration {
  std::string name;
  std::string sql;
};

// Defined by the code shop_embed_migrations generates for each service.
std::vector<Migration> embedded_migrations();

// The migrations still to apply, in name order. Names already applied but unknown here
// are ignored (a newer replica got there first); a name given twice is an error.
Result<std::vector<Migration>> plan_migrations(std::vector<Migration> known,
                                               const std::vector<std::string>& applied);

// Applies what plan_migrations selects, each migration in its own transaction together
// with its row in schema_migrations(name, applied_at), all under
// pg_advisory_lock(lock_key) on one connection: concurrent callers wait for the lock and
// then find nothing left to do. `step_timeout` bounds each statement, the lock wait too.
boost::asio::awaitable<Result<void>> apply_migrations(
    Pool& pool, const std::vector<Migration>& migrations, std::int64_t lock_key,
    std::chrono::milliseconds step_timeout = std::chrono::minutes(5));

}  // namespace shop::common::db
