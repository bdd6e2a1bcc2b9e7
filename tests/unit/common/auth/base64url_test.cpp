#include "common/auth/base64url.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace shop::common::auth {
namespace {

TEST(Base64Url, Rfc4648Vectors) {
  // RFC 4648 section 10, with the padding removed as section 5 / RFC 7515 use it.
  const std::vector<std::pair<std::string, std::string>> vectors = {
      {"", ""},           {"f", "Zg"},          {"fo", "Zm8"},          {"foo", "Zm9v"},
      {"foob", "Zm9vYg"}, {"fooba", "Zm9vYmE"}, {"foobar", "Zm9vYmFy"},
  };
  for (const auto& [plain, encoded] : vectors) {
    EXPECT_EQ(base64url_encode(plain), encoded) << plain;
    const auto decoded = base64url_decode(encoded);
    ASSERT_TRUE(decoded.has_value()) << encoded;
    EXPECT_EQ(*decoded, plain);
  }
}

TEST(Base64Url, UsesUrlSafeAlphabet) {
  const std::string bytes{'\xfb', '\xff'};  // "+/8=" in standard base64
  EXPECT_EQ(base64url_encode(bytes), "-_8");
  EXPECT_EQ(base64url_decode("-_8"), bytes);
  EXPECT_EQ(base64url_encode(std::string{'\xff', '\xff', '\xff'}), "____");
}

TEST(Base64Url, RoundTripsEveryByteValueAndLength) {
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  for (std::size_t len = 0; len <= all.size(); ++len) {
    const std::string input = all.substr(all.size() - len);
    const std::string encoded = base64url_encode(input);
    EXPECT_EQ(encoded.find_first_of("=+/"), std::string::npos);
    EXPECT_EQ(base64url_decode(encoded), input) << len;
  }
}

TEST(Base64Url, RejectsInvalidInput) {
  const std::vector<std::string> invalid = {
      "Zg==",    // padding
      "Zg=",     // partial padding
      "Zm9v+w",  // standard alphabet
      "Zm9v/w",  // standard alphabet
      "Z",       // one leftover character cannot hold a byte
      "Zm9vY",   // 5 characters: length 1 mod 4
      "Zh",      // non-zero unused bits ("Zg" is the canonical form)
      "Zm9=",    // '=' inside
      "Zm 9v",   // whitespace
      "Zm9v\n",  // newline
      std::string("Zm\0v", 4),
      "Zm9v\xc3\xa9",  // non-ASCII
  };
  for (const std::string& text : invalid) {
    EXPECT_FALSE(base64url_decode(text).has_value()) << text;
  }
}

}  // namespace
}  // namespace shop::common::auth
