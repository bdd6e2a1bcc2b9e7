#pragma once
// Web Push message encryption (RFC 8291) in the "aes128gcm" content coding (RFC 8188):
// turns a notification's bytes into the body of the POST to the subscription's endpoint,
// readable only by the browser that holds the subscription's private key.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/errors.hpp"

namespace shop::notification::push {

inline constexpr std::size_t kAuthSecretBytes = 16;
inline constexpr std::size_t kSaltBytes = 16;
inline constexpr std::uint32_t kRecordSize = 4096;
// RFC 8291 section 4: push services need accept no more than 4096 bytes of body, which
// leaves this much for the plaintext after the 86-byte header, the 16-byte tag and the
// padding delimiter.
inline constexpr std::size_t kMaxPlaintextBytes = 3993;

// The subscription's keys exactly as PushSubscription.toJSON() gives them: base64url
// without padding.
struct SubscriptionKeys {
  std::string p256dh;  // 65-byte uncompressed P-256 point
  std::string auth;    // 16-byte authentication secret
};

// What the sender must never reuse: chosen at random by encrypt_payload(), given
// explicitly only to reproduce known outputs in tests.
struct SenderSecrets {
  std::string ephemeral_private_key;  // raw 32-byte P-256 scalar
  std::string salt;                   // 16 bytes
};

// The HTTP body to send with "Content-Encoding: aes128gcm": salt | rs | idlen | keyid (the
// sender's ephemeral public key) | one record. Refused with kBadRequest for keys that do
// not decode or have the wrong length or a point off the curve, and with kPayloadTooLarge
// for more than kMaxPlaintextBytes of plaintext. Never throws for bad input.
common::Result<std::string> encrypt_payload(std::string_view plaintext,
                                            const SubscriptionKeys& keys);

// The same with a fixed ephemeral key and salt; kBadRequest if they have the wrong size.
common::Result<std::string> encrypt_payload(std::string_view plaintext,
                                            const SubscriptionKeys& keys,
                                            const SenderSecrets& secrets);

}  // namespace shop::notification::push
