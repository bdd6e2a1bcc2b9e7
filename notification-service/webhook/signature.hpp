#pragma once
// Standard Webhooks signing (https://www.standardwebhooks.com): "whsec_" secrets, the
// webhook-signature value, and the three headers every delivery carries so receivers can
// verify it with any Standard Webhooks library.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/errors.hpp"
#include "webhook/http_header.hpp"

namespace shop::notification::webhook {

inline constexpr std::string_view kSecretPrefix = "whsec_";
inline constexpr std::size_t kGeneratedKeyBytes = 24;
// The spec's bounds on the decoded key.
inline constexpr std::size_t kMinKeyBytes = 24;
inline constexpr std::size_t kMaxKeyBytes = 64;

inline constexpr std::string_view kWebhookIdHeader = "webhook-id";
inline constexpr std::string_view kWebhookTimestampHeader = "webhook-timestamp";
inline constexpr std::string_view kWebhookSignatureHeader = "webhook-signature";

// A secret parsed once, so signing itself cannot fail.
class SigningSecret {
 public:
  // Refuses anything but "whsec_" + padded standard base64 of kMinKeyBytes..kMaxKeyBytes.
  static common::Result<SigningSecret> parse(std::string_view text);

  // The raw HMAC key (the decoded part after the prefix).
  const std::string& key() const { return key_; }

 private:
  explicit SigningSecret(std::string key) : key_(std::move(key)) {}
  std::string key_;
};

// A fresh secret: "whsec_" + base64 of kGeneratedKeyBytes random bytes.
std::string generate_secret();

// The webhook-signature value: "v1," + base64(HMAC-SHA256(key, "<id>.<timestamp>.<body>")).
std::string sign(const SigningSecret& secret, std::string_view message_id,
                 std::int64_t timestamp_seconds, std::string_view body);

// webhook-id, webhook-timestamp and webhook-signature, in that order.
std::vector<HttpHeader> signed_headers(const SigningSecret& secret, std::string_view message_id,
                                       std::int64_t timestamp_seconds, std::string_view body);

}  // namespace shop::notification::webhook
