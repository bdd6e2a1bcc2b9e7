#include "common/auth/verified_tokens.hpp"

#include <gtest/gtest.h>

namespace shop::common::auth {
namespace {

constexpr std::int64_t kNow = 1'800'000'000;

struct Fixture {
  SigningKey key = SigningKey::generate();
  KeySet keys;
  Fixture() { keys.add(key); }
  std::string token(std::int64_t expires_at) const {
    return sign(key, Claims{"user-1", {"customer"}, kNow - 10, expires_at, "jti", "shop"});
  }
};

TEST(VerifiedTokensTest, AVerifiedTokenIsRememberedAndStillExpires) {
  Fixture fixture;
  VerifiedTokens cache;
  const auto token = fixture.token(kNow + 60);
  ASSERT_TRUE(cache.verify(fixture.keys, token, kNow));
  EXPECT_EQ(cache.size(), 1u);
  // The key set no longer matters for a remembered token...
  EXPECT_TRUE(cache.verify(KeySet{}, token, kNow + 30));
  // ...but its expiry does, with the same leeway as a fresh verification.
  EXPECT_TRUE(cache.verify(KeySet{}, token, kNow + 60 + 29));
  const auto expired = cache.verify(fixture.keys, token, kNow + 60 + 30);
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().code, ErrorCode::kUnauthenticated);
}

TEST(VerifiedTokensTest, RejectedTokensAreNotRemembered) {
  Fixture fixture;
  VerifiedTokens cache;
  auto token = fixture.token(kNow + 60);
  token.back() = token.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(cache.verify(fixture.keys, token, kNow));
  EXPECT_EQ(cache.size(), 0u);
}

TEST(VerifiedTokensTest, StaysWithinItsCapacity) {
  Fixture fixture;
  VerifiedTokens cache(2);
  for (int i = 0; i < 5; ++i)
    ASSERT_TRUE(cache.verify(fixture.keys, fixture.token(kNow + 60 + i), kNow));
  EXPECT_LE(cache.size(), 2u);
}

}  // namespace
}  // namespace shop::common::auth
