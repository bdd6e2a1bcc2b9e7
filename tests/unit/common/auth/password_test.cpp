#include "common/auth/password.hpp"

#include <gtest/gtest.h>

#include <string>

namespace shop::common::auth {
namespace {

const PasswordParams kFast = PasswordParams::fast();

TEST(Password, HashAndVerify) {
  const auto hash = hash_password("correct horse battery staple", kFast);
  ASSERT_TRUE(hash.has_value());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0U) << *hash;
  EXPECT_TRUE(verify_password(*hash, "correct horse battery staple"));
  EXPECT_FALSE(verify_password(*hash, "correct horse battery stapler"));
  EXPECT_FALSE(verify_password(*hash, ""));
}

TEST(Password, SaltMakesEveryHashDifferent) {
  const auto a = hash_password("same", kFast);
  const auto b = hash_password("same", kFast);
  ASSERT_TRUE(a.has_value());
  ASSERT_TRUE(b.has_value());
  EXPECT_NE(*a, *b);
  EXPECT_TRUE(verify_password(*a, "same"));
  EXPECT_TRUE(verify_password(*b, "same"));
}

TEST(Password, HandlesUnusualPasswords) {
  const std::string with_nul("pa\0ss", 5);
  const auto hash = hash_password(with_nul, kFast);
  ASSERT_TRUE(hash.has_value());
  EXPECT_TRUE(verify_password(*hash, with_nul));
  EXPECT_FALSE(verify_password(*hash, "pa"));

  const auto empty = hash_password("", kFast);
  ASSERT_TRUE(empty.has_value());
  EXPECT_TRUE(verify_password(*empty, ""));
}

TEST(Password, GarbageHashesNeverVerify) {
  EXPECT_FALSE(verify_password("", ""));
  EXPECT_FALSE(verify_password("not a hash", "not a hash"));
  EXPECT_FALSE(verify_password(std::string(1000, '$'), "x"));
  const auto hash = hash_password("secret", kFast);
  ASSERT_TRUE(hash.has_value());
  EXPECT_FALSE(verify_password(*hash + std::string(1, '\0'), "secret"));
  EXPECT_FALSE(verify_password(hash->substr(0, hash->size() - 2), "secret"));
}

TEST(Password, NeedsRehash) {
  const auto hash = hash_password("secret", kFast);
  ASSERT_TRUE(hash.has_value());
  EXPECT_FALSE(needs_rehash(*hash, kFast));
  EXPECT_TRUE(needs_rehash(*hash, PasswordParams::interactive()));
  EXPECT_TRUE(needs_rehash("garbage", kFast));
  EXPECT_TRUE(needs_rehash("", kFast));
}

TEST(Password, InteractiveDefaults) {
  const auto hash = hash_password("secret");
  ASSERT_TRUE(hash.has_value());
  EXPECT_TRUE(verify_password(*hash, "secret"));
  EXPECT_FALSE(needs_rehash(*hash));
}

TEST(Password, RefusesImpossibleParameters) {
  const auto hash = hash_password("secret", PasswordParams{0, 0});
  ASSERT_FALSE(hash.has_value());
  EXPECT_EQ(hash.error().code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace shop::common::auth
