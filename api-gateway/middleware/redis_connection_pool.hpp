#pragma once
// Idle Redis connections kept for reuse. A lease hands one to a single thread and gives
// it back when done, unless it broke: the next lease then connects afresh, so a Redis
// restart costs one failed call per connection, not a stuck pool.
//
// Thread-safe. Connections are opened on the calling thread, within the timeout.

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "middleware/redis_connection.hpp"

namespace shop::gateway::middleware {

class RedisConnectionPool {
 public:
  class Lease {
   public:
    Lease(RedisConnectionPool& pool, RedisConnection connection)
        : pool_(&pool), connection_(std::move(connection)) {}
    Lease(Lease&& other) noexcept
        : pool_(other.pool_), connection_(std::exchange(other.connection_, std::nullopt)) {}
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease();

    RedisConnection& connection() { return *connection_; }

   private:
    RedisConnectionPool* pool_;
    std::optional<RedisConnection> connection_;
  };

  RedisConnectionPool(RedisAddress address, std::chrono::milliseconds timeout,
                      std::size_t max_idle);

  // An idle connection, or a new one. kUnavailable when Redis cannot be reached.
  common::Result<Lease> acquire();

  const RedisAddress& address() const { return address_; }

 private:
  void give_back(RedisConnection connection);

  const RedisAddress address_;
  const std::chrono::milliseconds timeout_;
  const std::size_t max_idle_;
  std::mutex mutex_;
  std::vector<RedisConnection> idle_;
};

}  // namespace shop::gateway::middleware
