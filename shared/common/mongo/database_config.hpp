#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace shop::common::mongo {

struct DatabaseConfig {
  // mongodb://[user:password@]host[:port]/<database>[?options]; the database is required.
  std::string uri{};
  // Threads running the blocking driver calls, and so the most connections open at once.
  std::size_t threads = 4;
  // Bounds each step of an operation: finding a usable server, connecting, and each
  // socket read or write. Replaces the URI's serverSelectionTimeoutMS, connectTimeoutMS
  // and socketTimeoutMS.
  std::chrono::milliseconds timeout{5000};
};

}  // namespace shop::common::mongo
