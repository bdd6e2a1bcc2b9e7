#pragma once
// Remembers tokens whose signature has already been checked, so a client that sends the
// same access token with every request pays for one Ed25519 verification, not one per
// request. Expiry is still checked on every hit. Bounded: when full, it starts over.

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/auth/jwt.hpp"

namespace shop::common::auth {

class VerifiedTokens {
 public:
  explicit VerifiedTokens(std::size_t capacity = 10'000, std::int64_t leeway_seconds = 30)
      : capacity_(capacity), leeway_seconds_(leeway_seconds) {}

  // verify(keys, token, now, leeway) with the signature check skipped for a token seen
  // before; a remembered token expires by the same rule.
  Result<Claims> verify(const KeySet& keys, std::string_view token, std::int64_t now_seconds);

  std::size_t size() const;

 private:
  std::size_t capacity_;
  std::int64_t leeway_seconds_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Claims> verified_;
};

}  // namespace shop::common::auth
