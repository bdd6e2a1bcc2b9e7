#include "middleware/redis_connection_pool.hpp"

namespace shop::gateway::middleware {

RedisConnectionPool::Lease::~Lease() {
  // A broken connection is dropped; a moved-from lease holds none.
  if (connection_ && !connection_->broken()) pool_->give_back(*std::move(connection_));
}

RedisConnectionPool::RedisConnectionPool(RedisAddress address, std::chrono::milliseconds timeout,
                                         std::size_t max_idle)
    : address_(std::move(address)), timeout_(timeout), max_idle_(max_idle) {}

common::Result<RedisConnectionPool::Lease> RedisConnectionPool::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      Lease lease(*this, std::move(idle_.back()));
      idle_.pop_back();
      return lease;
    }
  }
  auto connection = RedisConnection::open(address_, timeout_);
  if (!connection) return connection.error();
  return Lease(*this, *std::move(connection));
}

void RedisConnectionPool::give_back(RedisConnection connection) {
  std::lock_guard lock(mutex_);
  if (idle_.size() < max_idle_) idle_.push_back(std::move(connection));
}

}  // namespace shop::gateway::middleware
