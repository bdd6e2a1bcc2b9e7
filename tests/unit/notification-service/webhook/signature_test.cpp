// Standard Webhooks signing against vectors computed outside this code base, and the
// secret format.

#include "webhook/signature.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "webhook/base64.hpp"

namespace shop::notification::webhook {
namespace {

SigningSecret parsed(const std::string& text) {
  auto secret = SigningSecret::parse(text);
  EXPECT_TRUE(secret.has_value()) << text;
  return *secret;
}

TEST(WebhookSignature, MatchesTheStandardWebhooksSpecExample) {
  // The example of the Standard Webhooks spec, recomputed with
  //   python3 -c 'import hmac,hashlib,base64;
  //   k=base64.b64decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"); print(base64.b64encode(hmac.new(k,
  //   b"msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330." b"{\"test\": 2432232314}",
  //   hashlib.sha256).digest()).decode())'
  const SigningSecret secret = parsed("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  EXPECT_EQ(sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, R"({"test": 2432232314})"),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
}

TEST(WebhookSignature, MatchesAnIndependentVectorWithPaddedSecretAndUtf8Body) {
  // Computed with Python's hmac and base64: key = bytes(range(1, 33)),
  // secret = "whsec_" + base64.b64encode(key), message = id + b"." + b"1700000000." + body.
  const SigningSecret secret = parsed("whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=");
  const std::string body =
      "{\"type\":\"order.paid\",\"data\":{\"order_id\":\"ord_42\",\"note\":\"caf\xc3\xa9 "
      "\xe2\x98\x95\"}}\n";
  EXPECT_EQ(sign(secret, "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", 1700000000, body),
            "v1,pWT7Lk1lwSGF7PFxQgWaHtCEFsEmurZGn2pQVLhwN1o=");
}

TEST(WebhookSignature, DependsOnEveryPart) {
  const SigningSecret secret = parsed(generate_secret());
  const SigningSecret other = parsed(generate_secret());
  const std::string base = sign(secret, "msg_1", 1700000000, "{}");
  EXPECT_NE(sign(other, "msg_1", 1700000000, "{}"), base);
  EXPECT_NE(sign(secret, "msg_2", 1700000000, "{}"), base);
  EXPECT_NE(sign(secret, "msg_1", 1700000001, "{}"), base);
  EXPECT_NE(sign(secret, "msg_1", 1700000000, "{ }"), base);
  EXPECT_EQ(sign(secret, "msg_1", 1700000000, "{}"), base);
}

TEST(WebhookSignature, SignedHeadersCarryIdTimestampAndSignature) {
  const SigningSecret secret = parsed("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  const std::vector<HttpHeader> expected = {
      {"webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"},
      {"webhook-timestamp", "1614265330"},
      {"webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="},
  };
  EXPECT_EQ(
      signed_headers(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, R"({"test": 2432232314})"),
      expected);
}

TEST(WebhookSigningSecret, GeneratedSecretsHaveTheSpecFormatAndDiffer) {
  std::set<std::string> seen;
  for (int i = 0; i < 20; ++i) {
    const std::string text = generate_secret();
    ASSERT_TRUE(text.starts_with("whsec_")) << text;
    EXPECT_EQ(text.size(), 6U + 32U);  // 24 bytes are 32 base64 characters, no padding
    EXPECT_EQ(parsed(text).key().size(), kGeneratedKeyBytes);
    seen.insert(text);
  }
  EXPECT_EQ(seen.size(), 20U);
}

TEST(WebhookSigningSecret, ParseDecodesTheKey) {
  const SigningSecret secret = parsed("whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=");
  std::string expected;
  for (char byte = 1; byte <= 32; ++byte) expected.push_back(byte);
  EXPECT_EQ(secret.key(), expected);
}

TEST(WebhookSigningSecret, ParseAcceptsTheKeyLengthBounds) {
  EXPECT_TRUE(SigningSecret::parse("whsec_" + base64_encode(std::string(24, 'k'))).has_value());
  EXPECT_TRUE(SigningSecret::parse("whsec_" + base64_encode(std::string(64, 'k'))).has_value());
}

TEST(WebhookSigningSecret, ParseRefusesMalformedSecrets) {
  const std::string key = base64_encode(std::string(24, 'k'));
  const std::string padded_key = base64_encode(std::string(25, 'k'));  // ends in "=="
  const std::vector<std::string> malformed = {
      "",
      "whsec_",
      key,                                                     // no prefix
      "WHSEC_" + key,                                          // prefix is case-sensitive
      "whsk_" + key,                                           // wrong prefix
      " whsec_" + key,                                         // leading space
      "whsec_" + key + " ",                                    // trailing space
      "whsec_" + key + "\n",                                   // trailing newline
      "whsec_" + padded_key.substr(0, padded_key.size() - 2),  // padding missing
      "whsec_" + padded_key + "=",                             // padding too long
      "whsec_" + base64_encode(std::string(23, 'k')),          // key too short
      "whsec_" + base64_encode(std::string(65, 'k')),          // key too long
      "whsec_" + std::string(32, '-'),                         // url-safe alphabet
      "whsec_" + std::string(31, 'A') + "*",                   // outside the alphabet
  };
  for (const std::string& text : malformed) {
    const auto secret = SigningSecret::parse(text);
    ASSERT_FALSE(secret.has_value()) << text;
    EXPECT_EQ(secret.error().code, common::ErrorCode::kValidation);
    ASSERT_EQ(secret.error().fields.size(), 1U);
    EXPECT_EQ(secret.error().fields.front().field, "secret");
  }
}

TEST(WebhookBase64, EncodesWithPaddingAndDecodesStrictly) {
  // RFC 4648 section 10.
  const std::vector<std::pair<std::string, std::string>> vectors = {
      {"", ""},
      {"f", "Zg=="},
      {"fo", "Zm8="},
      {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="},
      {"fooba", "Zm9vYmE="},
      {"foobar", "Zm9vYmFy"},
  };
  for (const auto& [plain, encoded] : vectors) {
    EXPECT_EQ(base64_encode(plain), encoded);
    EXPECT_EQ(base64_decode(encoded), plain) << encoded;
  }
  EXPECT_EQ(base64_encode(std::string{'\xfb', '\xff'}), "+/8=");
  for (const std::string text : {"Zg", "Zg=", "Zm9v\n", "Zm 9v", "Zm9v-_", "Zh=="}) {
    EXPECT_FALSE(base64_decode(text).has_value()) << text;
  }
}

}  // namespace
}  // namespace shop::notification::webhook
