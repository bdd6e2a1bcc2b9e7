#include "cache/user_cache.hpp"

namespace shop::user::cache {

UserCache::UserCache(UserCacheSettings settings, const common::resilience::Clock& clock)
    : settings_(settings), clock_(clock) {}

std::optional<models::User> UserCache::find(const std::string& id) {
  const std::lock_guard lock(mutex_);
  const auto found = entries_.find(id);
  if (found == entries_.end()) return std::nullopt;
  if (found->second.expires_at <= clock_.now()) {
    entries_.erase(found);
    return std::nullopt;
  }
  return found->second.user;
}

std::uint64_t UserCache::generation() const {
  const std::lock_guard lock(mutex_);
  return generation_;
}

void UserCache::store(const models::User& user, std::uint64_t read_generation) {
  const std::lock_guard lock(mutex_);
  if (!enabled_ || settings_.capacity == 0 || read_generation != generation_) return;
  // A full cache drops an arbitrary entry: users whose entries are hot come straight back.
  if (entries_.size() >= settings_.capacity && !entries_.contains(user.id)) {
    entries_.erase(entries_.begin());
  }
  entries_.insert_or_assign(user.id, Entry{user, clock_.now() + settings_.ttl});
}

void UserCache::invalidate(std::string_view id) {
  const std::lock_guard lock(mutex_);
  ++generation_;
  entries_.erase(std::string(id));
}

void UserCache::enable() {
  const std::lock_guard lock(mutex_);
  clear_locked();
  enabled_ = true;
}

void UserCache::disable() {
  const std::lock_guard lock(mutex_);
  clear_locked();
  enabled_ = false;
}

std::size_t UserCache::size() const {
  const std::lock_guard lock(mutex_);
  return entries_.size();
}

void UserCache::clear_locked() {
  ++generation_;
  entries_.clear();
}

}  // namespace shop::user::cache
