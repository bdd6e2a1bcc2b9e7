#include "common/auth/verified_tokens.hpp"

namespace shop::common::auth {

Result<Claims> VerifiedTokens::verify(const KeySet& keys, std::string_view token,
                                      std::int64_t now_seconds) {
  {
    std::lock_guard lock(mutex_);
    const auto found = verified_.find(std::string(token));
    if (found != verified_.end()) {
      if (now_seconds - leeway_seconds_ < found->second.expires_at) return found->second;
      verified_.erase(found);
    }
  }
  auto claims = auth::verify(keys, token, now_seconds, leeway_seconds_);
  if (claims) {
    std::lock_guard lock(mutex_);
    if (verified_.size() >= capacity_) verified_.clear();
    verified_.emplace(std::string(token), *claims);
  }
  return claims;
}

std::size_t VerifiedTokens::size() const {
  std::lock_guard lock(mutex_);
  return verified_.size();
}

}  // namespace shop::common::auth
