#include "webhook/signature.hpp"

#include <sodium.h>

#include <array>

#include "common/auth/crypto_init.hpp"
#include "common/auth/random.hpp"
#include "webhook/base64.hpp"

namespace shop::notification::webhook {
namespace {

constexpr std::string_view kSignatureVersion = "v1,";

common::Error malformed_secret() {
  return common::Error::validation(
      {{"secret", "must be \"whsec_\" followed by padded base64 of 24 to 64 bytes"}});
}

void hmac_update(crypto_auth_hmacsha256_state& state, std::string_view part) {
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(part.data()),
                                part.size());
}

}  // namespace

common::Result<SigningSecret> SigningSecret::parse(std::string_view text) {
  if (!text.starts_with(kSecretPrefix)) return malformed_secret();
  auto key = base64_decode(text.substr(kSecretPrefix.size()));
  if (!key || key->size() < kMinKeyBytes || key->size() > kMaxKeyBytes) {
    return malformed_secret();
  }
  return SigningSecret(std::move(*key));
}

std::string generate_secret() {
  return std::string(kSecretPrefix) + base64_encode(common::auth::random_bytes(kGeneratedKeyBytes));
}

std::string sign(const SigningSecret& secret, std::string_view message_id,
                 std::int64_t timestamp_seconds, std::string_view body) {
  common::auth::init_crypto();
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.key().data()),
                              secret.key().size());
  hmac_update(state, message_id);
  hmac_update(state, ".");
  hmac_update(state, std::to_string(timestamp_seconds));
  hmac_update(state, ".");
  hmac_update(state, body);
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
  crypto_auth_hmacsha256_final(&state, mac.data());
  sodium_memzero(&state, sizeof state);

  const std::string_view mac_bytes(reinterpret_cast<const char*>(mac.data()), mac.size());
  return std::string(kSignatureVersion) + base64_encode(mac_bytes);
}

std::vector<HttpHeader> signed_headers(const SigningSecret& secret, std::string_view message_id,
                                       std::int64_t timestamp_seconds, std::string_view body) {
  return {
      {std::string(kWebhookIdHeader), std::string(message_id)},
      {std::string(kWebhookTimestampHeader), std::to_string(timestamp_seconds)},
      {std::string(kWebhookSignatureHeader), sign(secret, message_id, timestamp_seconds, body)},
  };
}

}  // namespace shop::notification::webhook
