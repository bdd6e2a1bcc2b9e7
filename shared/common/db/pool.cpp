#include "common/db/pool.hpp"

#include <algorithm>
#include <boost/asio/use_awaitable.hpp>

#include "common/db/lease_queue.hpp"
#include "common/db/session.hpp"

namespace shop::common::db {
namespace {

using boost::asio::awaitable;
using Clock = std::chrono::steady_clock;
using Grant = detail::LeaseQueue<detail::Session>::Grant;

// Readiness probes run every few seconds with a short timeout of their own; a ping
// slower than this says "not ready" as clearly as a failed one.
constexpr std::chrono::milliseconds kPingBudget{1000};

std::chrono::milliseconds remaining(Clock::time_point deadline) {
  return std::max(std::chrono::milliseconds::zero(),
                  std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()));
}

}  // namespace

std::shared_ptr<Pool> Pool::create(boost::asio::any_io_executor executor, PoolConfig config) {
  config.size = std::max<std::size_t>(config.size, 1);
  return std::shared_ptr<Pool>(new Pool(std::move(executor), std::move(config)));
}

Pool::Pool(boost::asio::any_io_executor executor, PoolConfig config)
    : executor_(std::move(executor)),
      config_(std::move(config)),
      leases_(std::make_shared<detail::LeaseQueue<detail::Session>>(executor_, config_.size)) {}

Pool::~Pool() = default;

awaitable<Result<Connection>> Pool::acquire() { co_return co_await acquire_before(std::nullopt); }

awaitable<Result<Connection>> Pool::acquire_before(std::optional<Clock::time_point> deadline) {
  auto self = shared_from_this();
  const auto wait = deadline ? remaining(*deadline) : config_.acquire_timeout;
  Grant grant = co_await leases_->async_take(wait, boost::asio::use_awaitable);
  switch (grant.kind) {
    case Grant::Kind::kTimeout:
      co_return Error::unavailable("no database connection became free within " +
                                   std::to_string(wait.count()) + " ms");
    case Grant::Kind::kItem:
      if (grant.item->still_alive()) co_return Connection(self, std::move(grant.item));
      // The server closed it while it sat idle; its slot is ours to open anew.
      grant.item.reset();
      break;
    case Grant::Kind::kSlot:
      break;
  }

  // Until a connection fills it, the slot goes back on every way out, exceptions included.
  std::unique_ptr<Pool, void (*)(Pool*)> slot(
      this, [](Pool* pool) { pool->leases_->give_back(nullptr); });
  const auto connect_timeout =
      deadline ? std::min(config_.connect_timeout, remaining(*deadline)) : config_.connect_timeout;
  auto session = co_await detail::Session::connect(executor_, config_.conninfo, connect_timeout);
  if (!session) co_return session.error();
  // The connection owns the slot now: disarm the guard (its pointer is `this`).
  static_cast<void>(slot.release());
  co_return Connection(self, std::move(*session));
}

void Pool::release(std::shared_ptr<detail::Session> session) {
  // Closing happens here, outside the queue's lock.
  if (session && !session->reusable()) session.reset();
  leases_->give_back(std::move(session));
}

awaitable<Result<QueryResult>> Pool::query(std::string_view sql, Params params) {
  co_return co_await query(sql, std::move(params), config_.query_timeout);
}

awaitable<Result<QueryResult>> Pool::query(std::string_view sql, Params params,
                                           std::chrono::milliseconds timeout) {
  auto connection = co_await acquire();
  if (!connection) co_return connection.error();
  co_return co_await connection->query(sql, std::move(params), timeout);
}

awaitable<bool> Pool::ping() {
  const auto deadline = Clock::now() + kPingBudget;
  auto connection = co_await acquire_before(deadline);
  if (!connection) co_return false;
  const auto left = std::min(config_.query_timeout, remaining(deadline));
  if (left <= std::chrono::milliseconds::zero()) co_return false;
  auto answer = co_await connection->query("SELECT 1", {}, left);
  co_return answer.has_value();
}

PoolStats Pool::stats() const {
  const detail::LeaseStats leases = leases_->stats();
  return {leases.open, leases.idle, leases.waiting};
}

boost::asio::awaitable<Result<void>> Pool::execute(std::string_view sql, Params params) {
  auto done = co_await query(sql, std::move(params));
  if (!done) co_return done.error();
  co_return Result<void>{};
}

}  // namespace shop::common::db
