#include "middleware/redis_connection.hpp"

#include <hiredis/hiredis.h>
#include <sys/time.h>

#include <string>
#include <vector>

namespace shop::gateway::middleware {
namespace {

timeval to_timeval(std::chrono::milliseconds timeout) {
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(timeout);
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(timeout - seconds);
  return {.tv_sec = static_cast<time_t>(seconds.count()),
          .tv_usec = static_cast<suseconds_t>(micros.count())};
}

common::Error unavailable(const RedisAddress& address, std::string_view what) {
  return common::Error::unavailable("redis " + address.host + ":" + std::to_string(address.port) +
                                    ": " + std::string(what));
}

// AUTH and SELECT: their error replies make the connection useless too.
common::Result<void> prepare(RedisConnection& connection, const RedisAddress& address) {
  const std::string database = std::to_string(address.database);
  std::vector<std::vector<std::string_view>> commands;
  if (!address.password.empty() && address.username.empty()) {
    commands.push_back({"AUTH", address.password});
  } else if (!address.password.empty()) {
    commands.push_back({"AUTH", address.username, address.password});
  }
  if (address.database != 0) commands.push_back({"SELECT", database});
  for (const auto& args : commands) {
    auto reply = connection.command(args);
    if (!reply) return reply.error();
    if (const auto error = error_text(**reply); !error.empty()) {
      return unavailable(address, std::string(args.front()) + " refused: " + std::string(error));
    }
  }
  return {};
}

}  // namespace

void RedisReplyDeleter::operator()(redisReply* reply) const { freeReplyObject(reply); }

void RedisConnection::ContextDeleter::operator()(redisContext* context) const {
  redisFree(context);
}

common::Result<RedisConnection> RedisConnection::open(const RedisAddress& address,
                                                      std::chrono::milliseconds timeout) {
  const timeval limit = to_timeval(timeout);
  std::unique_ptr<redisContext, ContextDeleter> context(
      redisConnectWithTimeout(address.host.c_str(), address.port, limit));
  if (!context) return unavailable(address, "cannot allocate a connection");
  if (context->err != 0) return unavailable(address, context->errstr);
  if (redisSetTimeout(context.get(), limit) != REDIS_OK) {
    return unavailable(address, "cannot set the socket timeout");
  }
  RedisConnection connection(std::move(context));
  if (auto prepared = prepare(connection, address); !prepared) return prepared.error();
  return connection;
}

common::Result<RedisReply> RedisConnection::command(std::span<const std::string_view> args) {
  std::vector<const char*> argv;
  std::vector<std::size_t> lengths;
  argv.reserve(args.size());
  lengths.reserve(args.size());
  for (const auto arg : args) {
    argv.push_back(arg.data());
    lengths.push_back(arg.size());
  }
  RedisReply reply(static_cast<redisReply*>(redisCommandArgv(
      context_.get(), static_cast<int>(argv.size()), argv.data(), lengths.data())));
  if (!reply || context_->err != 0) {
    return common::Error::unavailable(std::string("redis: ") + context_->errstr);
  }
  return reply;
}

bool RedisConnection::broken() const { return !context_ || context_->err != 0; }

std::string_view error_text(const redisReply& reply) {
  if (reply.type != REDIS_REPLY_ERROR || reply.str == nullptr) return {};
  return {reply.str, reply.len};
}

}  // namespace shop::gateway::middleware
