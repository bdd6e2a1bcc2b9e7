#include "push/payload_encryption.hpp"

#include <openssl/evp.h>

#include <optional>
#include <utility>

#include "common/auth/base64url.hpp"
#include "common/auth/random.hpp"
#include "push/hkdf.hpp"
#include "push/openssl_errors.hpp"
#include "push/openssl_handles.hpp"
#include "push/p256_key.hpp"

namespace shop::notification::push {
namespace {

constexpr std::size_t kContentKeyBytes = 16;
constexpr std::size_t kNonceBytes = 12;
constexpr std::size_t kTagBytes = 16;
constexpr std::size_t kInputKeyMaterialBytes = 32;
// RFC 8188 section 2: the last record ends with 0x02 (then optional zero padding, none here).
constexpr char kLastRecordDelimiter = 0x02;

// The "\0" in each label is part of the info string, so the sizes are spelled out.
constexpr std::string_view kKeyInfoLabel{"WebPush: info\0", 14};
constexpr std::string_view kContentKeyInfo{"Content-Encoding: aes128gcm\0", 28};
constexpr std::string_view kNonceInfo{"Content-Encoding: nonce\0", 24};

struct Recipient {
  P256Key public_key;
  std::string auth_secret;
};

struct ContentKeys {
  std::string key;    // CEK
  std::string nonce;  // NONCE; one record, so sequence number 0 leaves it unchanged
};

common::Error too_large() {
  std::string detail = "push payload exceeds ";
  detail += std::to_string(kMaxPlaintextBytes);
  detail += " bytes";
  return {common::ErrorCode::kPayloadTooLarge, std::move(detail), {}};
}

// Checks everything that does not depend on the sender's secrets.
common::Result<Recipient> checked_recipient(std::string_view plaintext,
                                            const SubscriptionKeys& keys) {
  if (plaintext.size() > kMaxPlaintextBytes) return too_large();
  std::optional<std::string> point = common::auth::base64url_decode(keys.p256dh);
  if (!point) return common::Error::bad_request("p256dh is not base64url");
  std::optional<std::string> auth = common::auth::base64url_decode(keys.auth);
  if (!auth) return common::Error::bad_request("auth is not base64url");
  if (auth->size() != kAuthSecretBytes) {
    return common::Error::bad_request("auth must be 16 bytes");
  }
  auto public_key = P256Key::from_public_point(*point);
  if (!public_key) {
    common::Error error = public_key.error();
    error.detail.insert(0, "p256dh: ");
    return error;
  }
  return Recipient{std::move(*public_key), std::move(*auth)};
}

// RFC 8291 section 3.4, then RFC 8188 section 2.2 with the result as IKM.
common::Result<ContentKeys> derive_content_keys(const Recipient& recipient, const P256Key& sender,
                                                std::string_view salt) {
  auto ecdh_secret = sender.shared_secret_with(recipient.public_key);
  if (!ecdh_secret) return ecdh_secret.error();
  auto auth_prk = hkdf_extract(recipient.auth_secret, *ecdh_secret);
  if (!auth_prk) return auth_prk.error();
  std::string key_info(kKeyInfoLabel);
  key_info += recipient.public_key.public_point();
  key_info += sender.public_point();
  auto input_key_material = hkdf_expand(*auth_prk, key_info, kInputKeyMaterialBytes);
  if (!input_key_material) return input_key_material.error();

  auto prk = hkdf_extract(salt, *input_key_material);
  if (!prk) return prk.error();
  auto content_key = hkdf_expand(*prk, kContentKeyInfo, kContentKeyBytes);
  if (!content_key) return content_key.error();
  auto nonce = hkdf_expand(*prk, kNonceInfo, kNonceBytes);
  if (!nonce) return nonce.error();
  return ContentKeys{std::move(*content_key), std::move(*nonce)};
}

// AES-128-GCM of plaintext || delimiter; the tag is appended, as RFC 8188 stores it.
common::Result<std::string> seal_record(std::string_view plaintext, const ContentKeys& keys) {
  std::string record(plaintext);
  record.push_back(kLastRecordDelimiter);

  const CipherContextHandle context(EVP_CIPHER_CTX_new());
  const auto* key = reinterpret_cast<const unsigned char*>(keys.key.data());
  const auto* nonce = reinterpret_cast<const unsigned char*>(keys.nonce.data());
  if (!context || EVP_EncryptInit_ex2(context.get(), EVP_aes_128_gcm(), key, nonce, nullptr) != 1) {
    return openssl_failure("AES-128-GCM");
  }
  std::string sealed(record.size() + kTagBytes, '\0');
  auto* out = reinterpret_cast<unsigned char*>(sealed.data());
  int written = 0;
  int final_written = 0;
  if (EVP_EncryptUpdate(context.get(), out, &written,
                        reinterpret_cast<const unsigned char*>(record.data()),
                        static_cast<int>(record.size())) != 1 ||
      EVP_EncryptFinal_ex(context.get(), out + written, &final_written) != 1 ||
      static_cast<std::size_t>(written) + static_cast<std::size_t>(final_written) !=
          record.size() ||
      EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_AEAD_GET_TAG, static_cast<int>(kTagBytes),
                          out + record.size()) != 1) {
    return openssl_failure("AES-128-GCM");
  }
  return sealed;
}

// RFC 8188 section 2.1: salt | rs (uint32, big-endian) | idlen | keyid.
std::string content_coding_header(std::string_view salt, std::string_view sender_public_point) {
  std::string header(salt);
  for (int shift = 24; shift >= 0; shift -= 8) {
    header.push_back(static_cast<char>((kRecordSize >> shift) & 0xFF));
  }
  header.push_back(static_cast<char>(sender_public_point.size()));
  header += sender_public_point;
  return header;
}

common::Result<std::string> encrypt_for(std::string_view plaintext, const Recipient& recipient,
                                        const P256Key& sender, std::string_view salt) {
  auto keys = derive_content_keys(recipient, sender, salt);
  if (!keys) return keys.error();
  auto record = seal_record(plaintext, *keys);
  if (!record) return record.error();
  return content_coding_header(salt, sender.public_point()) + *record;
}

}  // namespace

common::Result<std::string> encrypt_payload(std::string_view plaintext,
                                            const SubscriptionKeys& keys) {
  auto recipient = checked_recipient(plaintext, keys);
  if (!recipient) return recipient.error();
  auto sender = P256Key::generate();
  if (!sender) return sender.error();
  return encrypt_for(plaintext, *recipient, *sender, common::auth::random_bytes(kSaltBytes));
}

common::Result<std::string> encrypt_payload(std::string_view plaintext,
                                            const SubscriptionKeys& keys,
                                            const SenderSecrets& secrets) {
  auto recipient = checked_recipient(plaintext, keys);
  if (!recipient) return recipient.error();
  if (secrets.salt.size() != kSaltBytes) return common::Error::bad_request("salt must be 16 bytes");
  auto sender = P256Key::from_private_scalar(secrets.ephemeral_private_key);
  if (!sender) return sender.error();
  return encrypt_for(plaintext, *recipient, *sender, secrets.salt);
}

}  // namespace shop::notification::push
