#pragma once
// One blocking hiredis connection, owned: connected within a timeout that also bounds
// every later read and write, authenticated and on its database. Used by one thread at
// a time (redis_connection_pool.hpp hands it out).

#include <chrono>
#include <memory>
#include <span>
#include <string_view>

#include "common/errors.hpp"
#include "middleware/redis_address.hpp"

struct redisContext;
struct redisReply;

namespace shop::gateway::middleware {

struct RedisReplyDeleter {
  void operator()(redisReply* reply) const;
};
using RedisReply = std::unique_ptr<redisReply, RedisReplyDeleter>;

class RedisConnection {
 public:
  // kUnavailable when the server cannot be reached or refuses AUTH or SELECT.
  static common::Result<RedisConnection> open(const RedisAddress& address,
                                              std::chrono::milliseconds timeout);

  // Sends one command and reads its reply, which may be an error reply. kUnavailable
  // on an I/O error or timeout, after which the connection is broken for good.
  common::Result<RedisReply> command(std::span<const std::string_view> args);

  bool broken() const;

 private:
  struct ContextDeleter {
    void operator()(redisContext* context) const;
  };
  explicit RedisConnection(std::unique_ptr<redisContext, ContextDeleter> context)
      : context_(std::move(context)) {}

  std::unique_ptr<redisContext, ContextDeleter> context_;
};

// The text of an error reply ("NOSCRIPT No matching script..."); empty for other replies.
std::string_view error_text(const redisReply& reply);

}  // namespace shop::gateway::middleware
