#include "push/vapid.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>

#include <boost/json.hpp>
#include <regex>
#include <string>

#include "common/auth/base64url.hpp"
#include "push/openssl_handles.hpp"
#include "push/p256_key.hpp"

namespace shop::notification::push {
namespace {

namespace json = boost::json;
using common::ErrorCode;
using common::auth::base64url_decode;

constexpr std::int64_t kNow = 1'700'000'000;
constexpr std::string_view kSubject = "mailto:ops@shop.example";
constexpr std::string_view kEndpoint =
    "https://Push.Example.net:8443/wpush/v2/gAAAAABmRk?token=abc#frag";

// RFC 8291 Appendix A's application server key: a published scalar and its point.
constexpr std::string_view kKnownPrivate = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
constexpr std::string_view kKnownPublic =
    "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";

struct Authorization {
  std::string header_segment;
  std::string claims_segment;
  std::string signature_segment;
  std::string public_key;
};

Authorization parse_authorization(const std::string& value) {
  static const std::regex kShape(
      R"(^vapid t=([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+), k=([A-Za-z0-9_-]+)$)");
  std::smatch match;
  EXPECT_TRUE(std::regex_match(value, match, kShape)) << value;
  if (match.empty()) return {};
  return {match[1], match[2], match[3], match[4]};
}

VapidKey generated_key() { return VapidKey::generate().value(); }

std::string authorization_for(const VapidKey& key, std::string_view endpoint) {
  return vapid_authorization(key, endpoint, kSubject, kNow).value();
}

json::value decoded_json(std::string_view segment) {
  return json::parse(base64url_decode(segment).value());
}

// JWS carries R || S; OpenSSL verifies the DER SEQUENCE of the two integers.
std::string der_from_raw(std::string_view raw) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw.data());
  EcdsaSignatureHandle signature(ECDSA_SIG_new());
  BIGNUM* r = BN_bin2bn(bytes, 32, nullptr);
  BIGNUM* s = BN_bin2bn(bytes + 32, 32, nullptr);
  if (!signature || ECDSA_SIG_set0(signature.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    return {};
  }
  unsigned char* der = nullptr;
  const int length = i2d_ECDSA_SIG(signature.get(), &der);
  std::string out(reinterpret_cast<const char*>(der), length > 0 ? length : 0);
  OPENSSL_free(der);
  return out;
}

bool verifies(std::string_view public_point, std::string_view message,
              std::string_view raw_signature) {
  auto key = P256Key::from_public_point(public_point);
  if (!key || raw_signature.size() != kEs256SignatureBytes) return false;
  const std::string der = der_from_raw(raw_signature);
  const DigestContextHandle context(EVP_MD_CTX_new());
  return context &&
         EVP_DigestVerifyInit_ex(context.get(), nullptr, "SHA256", nullptr, nullptr, key->native(),
                                 nullptr) == 1 &&
         EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char*>(der.data()),
                          der.size(), reinterpret_cast<const unsigned char*>(message.data()),
                          message.size()) == 1;
}

TEST(VapidTest, HeaderCarriesTokenAndPublicKey) {
  const VapidKey key = generated_key();
  const Authorization parts = parse_authorization(authorization_for(key, kEndpoint));
  EXPECT_EQ(parts.public_key, key.public_key_base64url());
  const std::string point = base64url_decode(parts.public_key).value();
  ASSERT_EQ(point.size(), kP256PublicPointBytes);
  EXPECT_EQ(point[0], '\x04');
}

TEST(VapidTest, TokenHeaderAndClaims) {
  const Authorization parts = parse_authorization(authorization_for(generated_key(), kEndpoint));
  EXPECT_EQ(decoded_json(parts.header_segment), json::parse(R"({"typ":"JWT","alg":"ES256"})"));
  EXPECT_EQ(decoded_json(parts.claims_segment),
            json::value({{"aud", "https://push.example.net:8443"},
                         {"exp", kNow + 12 * 60 * 60},
                         {"sub", kSubject}}));
}

TEST(VapidTest, AudienceIsTheEndpointOrigin) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"https://fcm.googleapis.com/fcm/send/abc:def", "https://fcm.googleapis.com"},
      {"https://fcm.googleapis.com:443/fcm/send/abc", "https://fcm.googleapis.com"},
      {"HTTPS://Updates.Push.Services.Mozilla.com/wpush/v2/x",
       "https://updates.push.services.mozilla.com"},
      {"https://user:secret@web.push.apple.com/QGuQ", "https://web.push.apple.com"},
      {"http://localhost:80/push", "http://localhost"},
      {"http://localhost:8080/push", "http://localhost:8080"},
      {"https://[::1]:9443/push", "https://[::1]:9443"},
  };
  for (const auto& [endpoint, origin] : cases) {
    auto audience = endpoint_origin(endpoint);
    ASSERT_TRUE(audience) << endpoint;
    EXPECT_EQ(*audience, origin);
  }
}

TEST(VapidTest, SignatureVerifiesAgainstThePublicKey) {
  const VapidKey key = generated_key();
  const Authorization parts = parse_authorization(authorization_for(key, kEndpoint));
  const std::string signing_input = parts.header_segment + "." + parts.claims_segment;
  const std::string signature = base64url_decode(parts.signature_segment).value();
  const std::string public_point = base64url_decode(key.public_key_base64url()).value();

  EXPECT_EQ(signature.size(), 64U);
  EXPECT_TRUE(verifies(public_point, signing_input, signature));
  EXPECT_FALSE(verifies(public_point, signing_input + "x", signature));
  const std::string other_point = base64url_decode(generated_key().public_key_base64url()).value();
  EXPECT_FALSE(verifies(other_point, signing_input, signature));
}

TEST(VapidTest, KeyRoundTripsThroughItsPrivateScalar) {
  const VapidKey original = generated_key();
  const std::string exported = original.private_key_base64url().value();
  EXPECT_EQ(base64url_decode(exported).value().size(), kP256PrivateScalarBytes);

  const VapidKey loaded = VapidKey::from_private_key(exported).value();
  EXPECT_EQ(loaded.public_key_base64url(), original.public_key_base64url());
  EXPECT_EQ(loaded.private_key_base64url().value(), exported);

  const Authorization parts = parse_authorization(authorization_for(loaded, kEndpoint));
  EXPECT_TRUE(verifies(base64url_decode(original.public_key_base64url()).value(),
                       parts.header_segment + "." + parts.claims_segment,
                       base64url_decode(parts.signature_segment).value()));
}

TEST(VapidTest, LoadedKeyHasTheMatchingPublicPoint) {
  const VapidKey key = VapidKey::from_private_key(kKnownPrivate).value();
  EXPECT_EQ(key.public_key_base64url(), kKnownPublic);
}

TEST(VapidTest, RefusesBadPrivateKeys) {
  // The group order n (FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551),
  // one past the largest valid scalar.
  const std::string order_of_p256 = "_____wAAAAD__________7zm-q2nF56E87nKwvxjJVE";
  for (const std::string_view text :
       {std::string_view("not base64url!"), std::string_view(""),
        std::string_view("yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oR"),
        std::string_view("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
        std::string_view(order_of_p256)}) {
    auto key = VapidKey::from_private_key(text);
    ASSERT_FALSE(key) << text;
    EXPECT_EQ(key.error().code, ErrorCode::kBadRequest) << text;
  }
}

TEST(VapidTest, RefusesBadEndpointsAndSubjects) {
  const VapidKey key = generated_key();
  for (const std::string_view endpoint :
       {"not a url", "/relative/path", "ftp://push.example.net/x", "https:///no-host",
        "mailto:ops@shop.example", "https://push.example.net:99999/x"}) {
    auto header = vapid_authorization(key, endpoint, kSubject, kNow);
    ASSERT_FALSE(header) << endpoint;
    EXPECT_EQ(header.error().code, ErrorCode::kBadRequest) << endpoint;
  }
  for (const std::string_view subject : {"", "ops@shop.example", "http://shop.example"}) {
    auto header = vapid_authorization(key, kEndpoint, subject, kNow);
    ASSERT_FALSE(header) << subject;
    EXPECT_EQ(header.error().code, ErrorCode::kBadRequest) << subject;
  }
}

}  // namespace
}  // namespace shop::notification::push
