#include "push/payload_encryption.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <cstdint>
#include <optional>
#include <string>

#include "common/auth/base64url.hpp"
#include "common/auth/random.hpp"
#include "push/hkdf.hpp"
#include "push/openssl_handles.hpp"
#include "push/p256_key.hpp"

namespace shop::notification::push {
namespace {

using common::ErrorCode;
using common::auth::base64url_decode;
using common::auth::base64url_encode;

// RFC 8291 Appendix A.
constexpr std::string_view kRfcPlaintext = "When I grow up, I want to be a watermelon";
constexpr std::string_view kRfcUaPublic =
    "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
constexpr std::string_view kRfcUaPrivate = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
constexpr std::string_view kRfcAuthSecret = "BTBZMqHH6r4Tts7J_aSIgg";
constexpr std::string_view kRfcAsPrivate = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
constexpr std::string_view kRfcSalt = "DGv6ra1nlYgDCS1FRnbzlw";
constexpr std::string_view kRfcBody =
    "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_"
    "c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6Tl"
    "zAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_"
    "Qulcy4a-"
    "fN";

constexpr std::size_t kHeaderBytes = 16 + 4 + 1 + 65;
constexpr std::size_t kTagBytes = 16;

std::string decoded(std::string_view text) { return base64url_decode(text).value(); }

P256Key key_from(common::Result<P256Key> result) { return std::move(result).value(); }

SubscriptionKeys rfc_subscription() {
  return {std::string(kRfcUaPublic), std::string(kRfcAuthSecret)};
}

SenderSecrets rfc_sender() { return {decoded(kRfcAsPrivate), decoded(kRfcSalt)}; }

std::optional<std::string> aes128gcm_open(std::string_view record, std::string_view key,
                                          std::string_view nonce) {
  if (record.size() < kTagBytes) return std::nullopt;
  const std::size_t ciphertext_size = record.size() - kTagBytes;
  const CipherContextHandle context(EVP_CIPHER_CTX_new());
  std::string plaintext(ciphertext_size, '\0');
  int written = 0;
  int final_written = 0;
  std::string tag(record.substr(ciphertext_size));
  const bool opened =
      context &&
      EVP_DecryptInit_ex2(context.get(), EVP_aes_128_gcm(),
                          reinterpret_cast<const unsigned char*>(key.data()),
                          reinterpret_cast<const unsigned char*>(nonce.data()), nullptr) == 1 &&
      EVP_DecryptUpdate(context.get(), reinterpret_cast<unsigned char*>(plaintext.data()), &written,
                        reinterpret_cast<const unsigned char*>(record.data()),
                        static_cast<int>(ciphertext_size)) == 1 &&
      EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_AEAD_SET_TAG, static_cast<int>(kTagBytes),
                          tag.data()) == 1 &&
      EVP_DecryptFinal_ex(context.get(),
                          reinterpret_cast<unsigned char*>(plaintext.data()) + written,
                          &final_written) == 1;
  if (!opened) return std::nullopt;
  return plaintext;
}

// A browser's side (RFC 8188 section 2, RFC 8291 section 3.4), spelled out here rather than
// shared with the library, so a key schedule mistake made the same way on both sides would
// still be caught by the RFC vector test. nullopt when the body does not authenticate.
std::optional<std::string> decrypt_body(std::string_view body, const P256Key& ua_key,
                                        std::string_view auth_secret) {
  if (body.size() < kHeaderBytes + kTagBytes) return std::nullopt;
  const std::string_view salt = body.substr(0, 16);
  const auto idlen = static_cast<unsigned char>(body[20]);
  auto as_key = P256Key::from_public_point(body.substr(21, idlen));
  if (!as_key) return std::nullopt;
  const std::string_view record = body.substr(21 + idlen);

  const std::string ecdh_secret = ua_key.shared_secret_with(*as_key).value();
  const std::string auth_prk = hkdf_extract(auth_secret, ecdh_secret).value();
  const std::string key_info =
      std::string("WebPush: info") + '\0' + ua_key.public_point() + as_key->public_point();
  const std::string ikm = hkdf_expand(auth_prk, key_info, 32).value();
  const std::string prk = hkdf_extract(salt, ikm).value();
  const std::string cek =
      hkdf_expand(prk, std::string("Content-Encoding: aes128gcm") + '\0', 16).value();
  const std::string nonce =
      hkdf_expand(prk, std::string("Content-Encoding: nonce") + '\0', 12).value();

  std::optional<std::string> padded = aes128gcm_open(record, cek, nonce);
  if (!padded) return std::nullopt;
  const std::size_t delimiter = padded->find_last_not_of('\0');
  if (delimiter == std::string::npos || (*padded)[delimiter] != '\x02') return std::nullopt;
  padded->resize(delimiter);
  return padded;
}

struct Browser {
  P256Key key = key_from(P256Key::generate());
  std::string auth_secret = common::auth::random_bytes(kAuthSecretBytes);

  SubscriptionKeys subscription() const {
    return {base64url_encode(key.public_point()), base64url_encode(auth_secret)};
  }
};

TEST(PayloadEncryptionTest, ReproducesRfc8291AppendixA) {
  auto body = encrypt_payload(kRfcPlaintext, rfc_subscription(), rfc_sender());
  ASSERT_TRUE(body) << body.error().detail;
  EXPECT_EQ(base64url_encode(*body), kRfcBody);
}

TEST(PayloadEncryptionTest, TestDecryptorReadsTheRfcBody) {
  const P256Key ua_key = key_from(P256Key::from_private_scalar(decoded(kRfcUaPrivate)));
  ASSERT_EQ(base64url_encode(ua_key.public_point()), kRfcUaPublic);
  EXPECT_EQ(decrypt_body(decoded(kRfcBody), ua_key, decoded(kRfcAuthSecret)), kRfcPlaintext);
}

TEST(PayloadEncryptionTest, RoundTripsWithRandomSenderSecrets) {
  const Browser browser;
  const std::string plaintext = R"({"title":"Your order shipped","url":"/orders/42"})";
  auto body = encrypt_payload(plaintext, browser.subscription());
  ASSERT_TRUE(body) << body.error().detail;

  ASSERT_EQ(body->size(), kHeaderBytes + plaintext.size() + 1 + kTagBytes);
  EXPECT_EQ(body->substr(16, 4), std::string("\x00\x00\x10\x00", 4));  // rs = 4096
  EXPECT_EQ(static_cast<unsigned char>((*body)[20]), 65);
  EXPECT_NE(body->substr(21, 65), browser.key.public_point());
  EXPECT_EQ(decrypt_body(*body, browser.key, browser.auth_secret), plaintext);
}

TEST(PayloadEncryptionTest, UsesFreshSaltAndKeyForEveryMessage) {
  const Browser browser;
  auto first = encrypt_payload("same", browser.subscription());
  auto second = encrypt_payload("same", browser.subscription());
  ASSERT_TRUE(first && second);
  EXPECT_NE(first->substr(0, 16), second->substr(0, 16));
  EXPECT_NE(first->substr(21, 65), second->substr(21, 65));
}

TEST(PayloadEncryptionTest, TamperedBodyDoesNotDecrypt) {
  const Browser browser;
  auto body = encrypt_payload("pay attention", browser.subscription());
  ASSERT_TRUE(body);
  for (const std::size_t position : {kHeaderBytes, body->size() - 1}) {
    std::string tampered = *body;
    tampered[position] = static_cast<char>(tampered[position] ^ 0x01);
    EXPECT_EQ(decrypt_body(tampered, browser.key, browser.auth_secret), std::nullopt)
        << "byte " << position;
  }
  EXPECT_EQ(decrypt_body(*body, browser.key, common::auth::random_bytes(kAuthSecretBytes)),
            std::nullopt);
}

TEST(PayloadEncryptionTest, LargestPlaintextMakesA4096ByteBody) {
  const Browser browser;
  const std::string plaintext(kMaxPlaintextBytes, 'x');
  auto body = encrypt_payload(plaintext, browser.subscription());
  ASSERT_TRUE(body) << body.error().detail;
  EXPECT_EQ(body->size(), 4096U);
  EXPECT_EQ(decrypt_body(*body, browser.key, browser.auth_secret), plaintext);
}

TEST(PayloadEncryptionTest, EmptyPlaintextIsAllowed) {
  const Browser browser;
  auto body = encrypt_payload("", browser.subscription());
  ASSERT_TRUE(body) << body.error().detail;
  EXPECT_EQ(decrypt_body(*body, browser.key, browser.auth_secret), "");
}

ErrorCode error_of(const common::Result<std::string>& result) {
  EXPECT_FALSE(result);
  return result ? ErrorCode::kInternal : result.error().code;
}

TEST(PayloadEncryptionTest, RefusesOversizedPlaintext) {
  const std::string plaintext(kMaxPlaintextBytes + 1, 'x');
  EXPECT_EQ(error_of(encrypt_payload(plaintext, rfc_subscription())), ErrorCode::kPayloadTooLarge);
  EXPECT_EQ(error_of(encrypt_payload(plaintext, rfc_subscription(), rfc_sender())),
            ErrorCode::kPayloadTooLarge);
}

TEST(PayloadEncryptionTest, RefusesBadP256dh) {
  const std::string rfc_point = decoded(kRfcUaPublic);
  std::string off_curve = rfc_point;
  off_curve.back() = static_cast<char>(off_curve.back() ^ 0x01);
  std::string compressed = rfc_point.substr(0, 33);
  compressed[0] = '\x02';
  std::string zero_point(65, '\0');
  zero_point[0] = '\x04';
  std::string hybrid_prefix = rfc_point;
  hybrid_prefix[0] = '\x06';

  for (const std::string& p256dh :
       {std::string("not base64url!"), std::string(kRfcUaPublic) + "=",
        base64url_encode(rfc_point.substr(0, 64)), base64url_encode(rfc_point + "x"),
        base64url_encode(compressed), base64url_encode(off_curve), base64url_encode(zero_point),
        base64url_encode(hybrid_prefix), std::string()}) {
    const SubscriptionKeys keys{p256dh, std::string(kRfcAuthSecret)};
    EXPECT_EQ(error_of(encrypt_payload("hi", keys)), ErrorCode::kBadRequest) << p256dh;
  }
}

TEST(PayloadEncryptionTest, RefusesBadAuthSecret) {
  const std::string auth = decoded(kRfcAuthSecret);
  for (const std::string& auth_text :
       {base64url_encode(auth.substr(0, 15)), base64url_encode(auth + "x"), std::string(),
        std::string("BTBZMqHH6r4Tts7J/aSIgg")}) {
    const SubscriptionKeys keys{std::string(kRfcUaPublic), auth_text};
    EXPECT_EQ(error_of(encrypt_payload("hi", keys)), ErrorCode::kBadRequest) << auth_text;
  }
}

TEST(PayloadEncryptionTest, RefusesBadSenderSecrets) {
  const std::string salt = decoded(kRfcSalt);
  const std::string private_key = decoded(kRfcAsPrivate);
  for (const SenderSecrets& secrets : {
           SenderSecrets{private_key, salt.substr(0, 15)},
           SenderSecrets{private_key.substr(0, 31), salt},
           SenderSecrets{std::string(32, '\0'), salt},
           SenderSecrets{std::string(32, '\xFF'), salt},  // above the group order
       }) {
    EXPECT_EQ(error_of(encrypt_payload("hi", rfc_subscription(), secrets)), ErrorCode::kBadRequest);
  }
}

}  // namespace
}  // namespace shop::notification::push
