#include "common/auth/jwt.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "common/auth/base64url.hpp"

namespace shop::common::auth {
namespace {

namespace json = boost::json;

constexpr std::int64_t kNow = 1'700'000'000;

Claims sample_claims() {
  return Claims{.subject = "3f1c2a9e-1111-4222-8333-444455556666",
                .roles = {"customer", "admin"},
                .issued_at = kNow,
                .expires_at = kNow + 900,
                .token_id = "jti-1",
                .issuer = "user-service"};
}

std::string hex_to_bytes(std::string_view hex) {
  std::string out(hex.size() / 2, '\0');
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i] = static_cast<char>(std::stoi(std::string(hex.substr(2 * i, 2)), nullptr, 16));
  }
  return out;
}

std::string segment(std::string_view json_text) { return base64url_encode(json_text); }

// Builds a token from arbitrary header and payload text, Ed25519-signed with `secret_key`,
// to reach the checks that come after the signature.
std::string sign_raw(std::string_view secret_key, std::string_view header,
                     std::string_view payload) {
  std::string input = segment(header) + "." + segment(payload);
  std::string signature(crypto_sign_BYTES, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
                       reinterpret_cast<const unsigned char*>(input.data()), input.size(),
                       reinterpret_cast<const unsigned char*>(secret_key.data()));
  return input + "." + base64url_encode(signature);
}

std::string header_for(const SigningKey& key) {
  return json::serialize(json::object{{"alg", "EdDSA"}, {"typ", "JWT"}, {"kid", key.kid()}});
}

std::string payload_with(std::string_view exp_json) {
  return R"({"sub":"u1","roles":["customer"],"iat":)" + std::to_string(kNow) + R"(,"exp":)" +
         std::string(exp_json) + "}";
}

struct Parts {
  std::string header;
  std::string payload;
  std::string signature;
};

Parts split(const std::string& token) {
  const auto a = token.find('.');
  const auto b = token.find('.', a + 1);
  return {token.substr(0, a), token.substr(a + 1, b - a - 1), token.substr(b + 1)};
}

class JwtTest : public ::testing::Test {
 protected:
  JwtTest() : key_(SigningKey::generate()) { keys_.add(key_); }

  void ExpectRejected(const std::string& token, std::string_view detail, std::int64_t now = kNow) {
    const auto result = verify(keys_, token, now);
    ASSERT_FALSE(result.has_value()) << token;
    EXPECT_EQ(result.error().code, ErrorCode::kUnauthenticated);
    EXPECT_EQ(result.error().detail, detail) << token;
  }

  SigningKey key_;
  KeySet keys_;
};

TEST_F(JwtTest, SignVerifyRoundTrip) {
  const Claims claims = sample_claims();
  const std::string token = sign(key_, claims);
  const auto verified = verify(keys_, token, kNow + 10);
  ASSERT_TRUE(verified.has_value()) << verified.error().detail;
  EXPECT_EQ(*verified, claims);
  EXPECT_TRUE(verified->has_role("admin"));
  EXPECT_FALSE(verified->has_role("root"));

  const auto header = json::parse(*base64url_decode(split(token).header));
  EXPECT_EQ(header, json::parse(header_for(key_)));
  const auto payload = json::parse(*base64url_decode(split(token).payload)).as_object();
  EXPECT_EQ(std::string(payload.at("sub").as_string()), claims.subject);
  EXPECT_EQ(payload.at("exp"), claims.expires_at);
  EXPECT_EQ(payload.at("iss"), "user-service");
}

TEST_F(JwtTest, KeyIdIsDerivedFromThePublicKey) {
  EXPECT_EQ(key_.kid().size(), 11U);  // 8 bytes in base64url
  EXPECT_EQ(key_.kid(), key_id_for(key_.public_key()));
  EXPECT_NE(key_.kid(), SigningKey::generate().kid());
}

TEST_F(JwtTest, Rfc8032KeyVector) {
  // RFC 8032 section 7.1, test 1.
  const std::string seed =
      hex_to_bytes("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  const std::string public_key =
      hex_to_bytes("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  const auto key = SigningKey::from_seed(seed);
  ASSERT_TRUE(key.has_value());
  EXPECT_EQ(key->public_key(), public_key);
  EXPECT_EQ(key->secret_key(), seed + public_key);
  EXPECT_FALSE(SigningKey::from_seed(seed.substr(1)).has_value());
}

TEST_F(JwtTest, SecretKeyRoundTrip) {
  const auto restored = SigningKey::from_secret_key(key_.secret_key());
  ASSERT_TRUE(restored.has_value());
  EXPECT_EQ(restored->kid(), key_.kid());
  EXPECT_EQ(restored->public_key(), key_.public_key());
  EXPECT_TRUE(verify(keys_, sign(*restored, sample_claims()), kNow).has_value());

  std::string mismatched = key_.secret_key();
  mismatched.back() = static_cast<char>(mismatched.back() ^ 1);
  EXPECT_FALSE(SigningKey::from_secret_key(mismatched).has_value());
  EXPECT_FALSE(SigningKey::from_secret_key(key_.secret_key().substr(0, 63)).has_value());
  EXPECT_FALSE(SigningKey::from_secret_key("").has_value());
}

TEST_F(JwtTest, TamperedPayloadRejected) {
  Claims claims = sample_claims();
  claims.roles = {"customer"};
  const Parts parts = split(sign(key_, claims));
  const std::string forged_payload =
      segment(R"({"sub":"u1","roles":["customer","admin"],"iat":1700000000,"exp":1700000900})");
  ExpectRejected(parts.header + "." + forged_payload + "." + parts.signature, "bad signature");
}

TEST_F(JwtTest, TamperedHeaderRejected) {
  const Parts parts = split(sign(key_, sample_claims()));
  const std::string header =
      segment(json::serialize(json::object{{"alg", "EdDSA"}, {"typ", "jwt"}, {"kid", key_.kid()}}));
  ExpectRejected(header + "." + parts.payload + "." + parts.signature, "bad signature");
}

TEST_F(JwtTest, TamperedSignatureRejected) {
  const Parts parts = split(sign(key_, sample_claims()));
  std::string signature = *base64url_decode(parts.signature);
  signature[10] = static_cast<char>(signature[10] ^ 0x01);
  ExpectRejected(parts.header + "." + parts.payload + "." + base64url_encode(signature),
                 "bad signature");
  // Truncated, extended or non-canonical signatures never reach the check.
  ExpectRejected(parts.header + "." + parts.payload + "." + parts.signature.substr(0, 84),
                 "malformed token");
  ExpectRejected(parts.header + "." + parts.payload + "." + parts.signature + "AA",
                 "malformed token");
  ExpectRejected(parts.header + "." + parts.payload + "." + parts.signature + "=",
                 "malformed token");
}

TEST_F(JwtTest, AlgNoneRejected) {
  const std::string payload = segment(payload_with(std::to_string(kNow + 900)));
  ExpectRejected(segment(R"({"alg":"none"})") + "." + payload + ".", "unsupported alg");
  ExpectRejected(
      segment(R"({"alg":"none","typ":"JWT","kid":")" + key_.kid() + "\"}") + "." + payload + ".",
      "unsupported alg");
  ExpectRejected(segment(R"({"alg":"NONE","kid":")" + key_.kid() + "\"}") + "." + payload + ".",
                 "unsupported alg");
  // Even with a genuine Ed25519 signature, a header that does not say EdDSA is refused.
  ExpectRejected(sign_raw(key_.secret_key(), R"({"alg":"none","kid":")" + key_.kid() + "\"}",
                          payload_with(std::to_string(kNow + 900))),
                 "unsupported alg");
}

TEST_F(JwtTest, Hs256RejectedEvenWhenKeyedWithThePublicKey) {
  // The classic confusion attack: HMAC the token with the verifier's public key.
  const std::string input = segment(R"({"alg":"HS256","typ":"JWT","kid":")" + key_.kid() + "\"}") +
                            "." + segment(payload_with(std::to_string(kNow + 900)));
  const std::string public_key = key_.public_key();
  std::string mac(crypto_auth_hmacsha256_BYTES, '\0');
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(public_key.data()),
                              public_key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(input.data()),
                                input.size());
  crypto_auth_hmacsha256_final(&state, reinterpret_cast<unsigned char*>(mac.data()));
  ExpectRejected(input + "." + base64url_encode(mac), "unsupported alg");

  for (const char* alg : {"RS256", "ES256", "Ed25519", "eddsa", ""}) {
    ExpectRejected(sign_raw(key_.secret_key(),
                            R"({"alg":")" + std::string(alg) + R"(","kid":")" + key_.kid() + "\"}",
                            payload_with(std::to_string(kNow + 900))),
                   "unsupported alg");
  }
  ExpectRejected(sign_raw(key_.secret_key(), R"({"alg":["EdDSA"],"kid":")" + key_.kid() + "\"}",
                          payload_with(std::to_string(kNow + 900))),
                 "unsupported alg");
}

TEST_F(JwtTest, UnknownKidRejected) {
  const SigningKey other = SigningKey::generate();
  ExpectRejected(sign(other, sample_claims()), "unknown key");
  ExpectRejected(
      sign_raw(key_.secret_key(), R"({"alg":"EdDSA"})", payload_with(std::to_string(kNow + 900))),
      "malformed token");
  ExpectRejected(sign_raw(key_.secret_key(), R"({"alg":"EdDSA","kid":7})",
                          payload_with(std::to_string(kNow + 900))),
                 "malformed token");
}

TEST_F(JwtTest, OtherKeyClaimingTrustedKidRejected) {
  const SigningKey attacker = SigningKey::generate();
  const std::string token =
      sign_raw(attacker.secret_key(), header_for(key_), payload_with(std::to_string(kNow + 900)));
  ExpectRejected(token, "bad signature");

  // A key embedded in the header is ignored, not trusted.
  const std::string with_jwk = sign_raw(attacker.secret_key(),
                                        R"({"alg":"EdDSA","kid":")" + key_.kid() + R"(","jwk":)" +
                                            to_jwk(key_.kid(), attacker.public_key()) + "}",
                                        payload_with(std::to_string(kNow + 900)));
  ExpectRejected(with_jwk, "bad signature");
}

TEST_F(JwtTest, ExpiryAndLeeway) {
  Claims claims = sample_claims();
  const std::string token = sign(key_, claims);
  EXPECT_TRUE(verify(keys_, token, claims.expires_at - 1, 0).has_value());
  EXPECT_TRUE(verify(keys_, token, claims.expires_at + 29).has_value());  // default leeway 30
  ExpectRejected(token, "token expired", claims.expires_at + 30);
  ExpectRejected(token, "token expired", claims.expires_at + 3600);
  const auto strict = verify(keys_, token, claims.expires_at, 0);
  ASSERT_FALSE(strict.has_value());
  EXPECT_EQ(strict.error().detail, "token expired");
  // A negative leeway is treated as none rather than extending validity the other way.
  EXPECT_TRUE(verify(keys_, token, claims.expires_at - 1, -100).has_value());
}

TEST_F(JwtTest, IssuedInTheFutureRejected) {
  Claims claims = sample_claims();
  claims.issued_at = kNow + 31;
  claims.expires_at = kNow + 900;
  ExpectRejected(sign(key_, claims), "token issued in the future");
  claims.issued_at = kNow + 30;
  EXPECT_TRUE(verify(keys_, sign(key_, claims), kNow).has_value());

  const std::string nbf =
      sign_raw(key_.secret_key(), header_for(key_),
               R"({"sub":"u1","iat":)" + std::to_string(kNow) + R"(,"exp":)" +
                   std::to_string(kNow + 900) + R"(,"nbf":)" + std::to_string(kNow + 100) + "}");
  ExpectRejected(nbf, "token not yet valid");
  EXPECT_TRUE(verify(keys_, nbf, kNow + 100).has_value());
}

TEST_F(JwtTest, MissingOrNonIntegerExpRejected) {
  const std::string header = header_for(key_);
  ExpectRejected(sign_raw(key_.secret_key(), header, R"({"sub":"u1","iat":1700000000})"),
                 "bad claims");
  for (const char* exp : {"1700000900.5", "1.7e9", "\"1700000900\"", "null", "true", "[1700000900]",
                          "18446744073709551615"}) {
    ExpectRejected(sign_raw(key_.secret_key(), header, payload_with(exp)), "bad claims");
  }
  EXPECT_TRUE(verify(keys_, sign_raw(key_.secret_key(), header, payload_with("1700000900")), kNow)
                  .has_value());
}

TEST_F(JwtTest, OtherBadClaimsRejected) {
  const std::string header = header_for(key_);
  const std::string times =
      R"("iat":)" + std::to_string(kNow) + R"(,"exp":)" + std::to_string(kNow + 900);
  const std::vector<std::string> bad_claims = {
      "{" + times + "}",                                    // no sub
      R"({"sub":"",)" + times + "}",                        // empty sub
      R"({"sub":42,)" + times + "}",                        // sub not a string
      R"({"sub":"u1","exp":1700000900})",                   // no iat
      R"({"sub":"u1","roles":"admin",)" + times + "}",      // roles not an array
      R"({"sub":"u1","roles":["admin",1],)" + times + "}",  // role not a string
      R"({"sub":"u1","jti":5,)" + times + "}",
      R"({"sub":"u1","iss":null,)" + times + "}",
      R"({"sub":"u1","nbf":"soon",)" + times + "}",
  };
  for (const std::string& payload : bad_claims) {
    ExpectRejected(sign_raw(key_.secret_key(), header, payload), "bad claims");
  }
  for (const std::string& payload : {std::string("[]"), std::string("\"x\""),
                                     "{\"sub\":\"u1\"," + times + ",}", std::string("")}) {
    ExpectRejected(sign_raw(key_.secret_key(), header, payload), "malformed token");
  }
}

TEST_F(JwtTest, MalformedTokensRejected) {
  const Parts parts = split(sign(key_, sample_claims()));
  ExpectRejected("", "malformed token");
  ExpectRejected("abc", "malformed token");
  ExpectRejected(parts.header + "." + parts.payload, "malformed token");
  ExpectRejected(parts.header + "." + parts.payload + "." + parts.signature + ".",
                 "malformed token");
  ExpectRejected(parts.header + "." + parts.payload + "." + parts.signature + ".x",
                 "malformed token");
  ExpectRejected("..", "malformed token");
  ExpectRejected(parts.header + "=." + parts.payload + "." + parts.signature, "malformed token");
  ExpectRejected(parts.header + "." + parts.payload + "=." + parts.signature, "bad signature");
  // Header that is not a JSON object, or not JSON at all.
  const std::string rest = "." + parts.payload + "." + parts.signature;
  ExpectRejected(segment("[]") + rest, "malformed token");
  ExpectRejected(segment("\"EdDSA\"") + rest, "malformed token");
  ExpectRejected(segment("not json") + rest, "malformed token");
  ExpectRejected(segment(R"({"alg":"EdDSA",})") + rest, "malformed token");
  ExpectRejected(segment(R"({"alg":"EdDSA"} {})") + rest, "malformed token");
  ExpectRejected(segment("{\"alg\":\"EdDSA\",\"kid\":\"\xff\"}") + rest, "malformed token");
}

TEST_F(JwtTest, UnsupportedHeaderParametersRejected) {
  const std::string payload = payload_with(std::to_string(kNow + 900));
  ExpectRejected(
      sign_raw(key_.secret_key(), R"({"alg":"EdDSA","kid":")" + key_.kid() + R"(","crit":["exp"]})",
               payload),
      "unsupported header");
  ExpectRejected(
      sign_raw(key_.secret_key(), R"({"alg":"EdDSA","kid":")" + key_.kid() + R"(","typ":"at+jwt"})",
               payload),
      "unsupported typ");
  EXPECT_TRUE(
      verify(keys_,
             sign_raw(key_.secret_key(), R"({"alg":"EdDSA","kid":")" + key_.kid() + "\"}", payload),
             kNow)
          .has_value());
}

TEST_F(JwtTest, OversizedTokenRejected) {
  Claims claims = sample_claims();
  claims.roles.assign(400, "role-with-a-long-name");
  const std::string token = sign(key_, claims);
  ASSERT_GT(token.size(), kMaxTokenBytes);
  ExpectRejected(token, "token too large");
  ExpectRejected(std::string(kMaxTokenBytes + 1, 'A'), "token too large");
}

TEST(KeySetTest, JwksRoundTrip) {
  const SigningKey a = SigningKey::generate();
  const SigningKey b = SigningKey::generate();
  KeySet keys;
  keys.add(a);
  keys.add(b);
  const auto parsed = KeySet::from_jwks(keys.to_jwks());
  ASSERT_TRUE(parsed.has_value()) << parsed.error().detail;
  EXPECT_EQ(parsed->size(), 2U);
  EXPECT_EQ(parsed->find(a.kid()), a.public_key());
  EXPECT_EQ(parsed->find(b.kid()), b.public_key());
  EXPECT_EQ(parsed->to_jwks(), keys.to_jwks());
  EXPECT_TRUE(verify(*parsed, sign(a, sample_claims()), kNow).has_value());
  EXPECT_TRUE(verify(*parsed, sign(b, sample_claims()), kNow).has_value());
}

TEST(KeySetTest, SingleJwkShape) {
  const SigningKey key = SigningKey::generate();
  const json::object jwk = json::parse(to_jwk(key)).as_object();
  EXPECT_EQ(jwk.size(), 6U);
  EXPECT_EQ(jwk.at("kty"), "OKP");
  EXPECT_EQ(jwk.at("crv"), "Ed25519");
  EXPECT_EQ(jwk.at("alg"), "EdDSA");
  EXPECT_EQ(jwk.at("use"), "sig");
  EXPECT_EQ(std::string(jwk.at("kid").as_string()), key.kid());
  EXPECT_EQ(std::string(jwk.at("x").as_string()), base64url_encode(key.public_key()));
  EXPECT_EQ(to_jwk(key), to_jwk(key.kid(), key.public_key()));
}

TEST(KeySetTest, FromJwksSkipsForeignKeyTypes) {
  const SigningKey key = SigningKey::generate();
  const std::string jwks = R"({"keys":[)"
                           R"({"kty":"RSA","kid":"r1","n":"AQAB","e":"AQAB"},)"
                           R"({"kty":"OKP","crv":"X25519","kid":"x1","x":"AAAA"},)"
                           R"({"kty":"EC","crv":"P-256","kid":"e1","x":"AA","y":"AA"},)"
                           R"({"kty":"OKP","crv":"Ed25519","kid":"enc","use":"enc","x":"AA"},)" +
                           to_jwk(key) + "]}";
  const auto parsed = KeySet::from_jwks(jwks);
  ASSERT_TRUE(parsed.has_value()) << parsed.error().detail;
  EXPECT_EQ(parsed->size(), 1U);
  EXPECT_EQ(parsed->find(key.kid()), key.public_key());
  EXPECT_FALSE(parsed->find("r1").has_value());
}

TEST(KeySetTest, FromJwksRejectsBadSets) {
  const SigningKey key = SigningKey::generate();
  const std::string x = base64url_encode(key.public_key());
  const auto entry = [&](std::string_view extra) {
    return R"({"kty":"OKP","crv":"Ed25519","kid":"k1","x":")" + x + "\"" + std::string(extra) + "}";
  };
  for (const std::string& jwks : {
           std::string("not json"),
           std::string("[]"),
           std::string("{}"),
           std::string(R"({"keys":{}})"),
           std::string(R"({"keys":[]})"),
           std::string(R"({"keys":[1]})"),
           std::string(R"({"keys":[{"crv":"Ed25519"}]})"),
           std::string(R"({"keys":[{"kty":"RSA","n":"AQAB","e":"AQAB"}]})"),
           R"({"keys":[)" + entry(R"(,"d":"secret")") + "]}",
           R"({"keys":[)" + entry("") + "," + entry("") + "]}",
           std::string(R"({"keys":[{"kty":"OKP","crv":"Ed25519","x":")") + x + "\"}]}",
           std::string(R"({"keys":[{"kty":"OKP","crv":"Ed25519","kid":"k","x":"AAAA"}]})"),
           std::string(R"({"keys":[{"kty":"OKP","crv":"Ed25519","kid":"k","x":"+/+/"}]})"),
           std::string(R"({"keys":[{"kty":"OKP","crv":"Ed25519","kid":"k"}]})"),
       }) {
    const auto parsed = KeySet::from_jwks(jwks);
    ASSERT_FALSE(parsed.has_value()) << jwks;
    EXPECT_EQ(parsed.error().code, ErrorCode::kBadRequest);
  }
}

TEST(KeySetTest, AddValidatesInput) {
  KeySet keys;
  EXPECT_FALSE(keys.add("", std::string(32, 'a')));
  EXPECT_FALSE(keys.add("k", std::string(31, 'a')));
  EXPECT_TRUE(keys.empty());
  EXPECT_TRUE(keys.add("k", std::string(32, 'a')));
  EXPECT_TRUE(keys.add("k", std::string(32, 'b')));
  EXPECT_EQ(keys.size(), 1U);
  EXPECT_EQ(keys.find("k"), std::string(32, 'b'));
}

}  // namespace
}  // namespace shop::common::auth
