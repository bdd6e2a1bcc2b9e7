#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

#include "common/auth/base64url.hpp"
#include "common/auth/hex.hpp"
#include "common/auth/random.hpp"
#include "common/auth/secrets.hpp"
#include "common/auth/sha256.hpp"

namespace shop::common::auth {
namespace {

TEST(Sha256, KnownDigests) {
  // FIPS 180-2 example "abc" and the empty message.
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256("abc").size(), 32U);
  EXPECT_EQ(sha256_base64url("abc"), "ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
  EXPECT_EQ(base64url_decode(sha256_base64url("abc")), sha256("abc"));
}

TEST(Random, TokensAreUrlSafeAndDistinct) {
  const std::string token = random_token(32);
  EXPECT_EQ(token.size(), 43U);
  const auto raw = base64url_decode(token);
  ASSERT_TRUE(raw.has_value());
  EXPECT_EQ(raw->size(), 32U);
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) EXPECT_TRUE(seen.insert(random_token()).second);
  EXPECT_EQ(random_bytes(0), "");
  EXPECT_EQ(random_bytes(17).size(), 17U);
}

TEST(Hex, TwoLowercaseDigitsPerByte) {
  EXPECT_EQ(hex_encode(""), "");
  EXPECT_EQ(hex_encode(std::string("\x00\x0f\xa0\xff", 4)), "000fa0ff");
}

TEST(Random, HexIdsHaveTheirLengthAndDiffer) {
  const std::regex shape("^[0-9a-f]{24}$");
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string id = random_hex(12);
    EXPECT_TRUE(std::regex_match(id, shape)) << id;
    EXPECT_TRUE(seen.insert(id).second);
  }
}

TEST(Secrets, EqualOnlyWhenIdentical) {
  EXPECT_TRUE(secrets_equal("sk_test_abc", "sk_test_abc"));
  EXPECT_FALSE(secrets_equal("sk_test_abd", "sk_test_abc"));
  EXPECT_FALSE(secrets_equal("sk_test_ab", "sk_test_abc"));
  EXPECT_FALSE(secrets_equal("", "sk_test_abc"));
  EXPECT_TRUE(secrets_equal("", ""));
}

TEST(Random, UuidsAreVersion4) {
  const std::regex shape("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string id = new_uuid();
    EXPECT_TRUE(std::regex_match(id, shape)) << id;
    EXPECT_TRUE(seen.insert(id).second);
  }
}

}  // namespace
}  // namespace shop::common::auth
