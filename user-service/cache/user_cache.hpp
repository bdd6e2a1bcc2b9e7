#pragma once
// Users by id, kept in memory so the hottest read (GET /users/me) skips PostgreSQL.
//
// Every replica writes to the same database, so a replica cannot see another's writes
// by itself: a trigger on `users` notifies the channel kUserChangedChannel with the
// user id, and each replica's listener calls invalidate(). The cache serves only while
// that listener is connected (notifications sent while it is away are lost): it starts
// disabled, is emptied and enabled on each (re)connection and disabled on a loss.
//
// A read that started before an invalidation must not store what it read: callers take
// generation() before reading the database and pass it to store(), which drops the
// value when any invalidation happened in between.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/resilience/clock.hpp"
#include "models/user.hpp"

namespace shop::user::cache {

inline constexpr std::string_view kUserChangedChannel = "user_changed";

struct UserCacheSettings {
  std::size_t capacity = 100'000;  // 0 turns the cache off
  // Bounds how long an entry lives even if a notification went missing.
  std::chrono::seconds ttl{60};
};

class UserCache {
 public:
  explicit UserCache(UserCacheSettings settings,
                     const common::resilience::Clock& clock = common::resilience::system_clock());

  std::optional<models::User> find(const std::string& id);
  std::uint64_t generation() const;
  void store(const models::User& user, std::uint64_t read_generation);

  void invalidate(std::string_view id);
  // Listener connected: whatever was cached may have changed unseen.
  void enable();
  // Listener lost: changes can no longer be seen.
  void disable();

  std::size_t size() const;

 private:
  struct Entry {
    models::User user;
    common::resilience::Clock::TimePoint expires_at;
  };

  void clear_locked();

  const UserCacheSettings settings_;
  const common::resilience::Clock& clock_;
  mutable std::mutex mutex_;
  bool enabled_ = false;
  std::uint64_t generation_ = 0;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace shop::user::cache
