#pragma once
// Internal to notification_push: a NIST P-256 key (public, or a key pair) in the raw forms
// Web Push uses: the 65-byte uncompressed point (SEC 1 section 2.3.3), the way browsers
// publish p256dh and applicationServerKey, and the 32-byte big-endian private scalar.
// Both payload encryption (RFC 8291 ECDH) and VAPID (RFC 8292 ES256) build on it.

#include <cstddef>
#include <string>
#include <string_view>

#include "common/errors.hpp"
#include "push/openssl_handles.hpp"

namespace shop::notification::push {

inline constexpr std::size_t kP256PublicPointBytes = 65;
inline constexpr std::size_t kP256PrivateScalarBytes = 32;
inline constexpr std::size_t kP256SharedSecretBytes = 32;
inline constexpr std::size_t kEs256SignatureBytes = 64;  // R || S, 32 bytes each

class P256Key {
 public:
  static common::Result<P256Key> generate();
  // kBadRequest unless `point` is 65 bytes, starts with 0x04 and lies on the curve.
  static common::Result<P256Key> from_public_point(std::string_view point);
  // kBadRequest unless `scalar` is 32 bytes in [1, n-1]; the public point is computed.
  static common::Result<P256Key> from_private_scalar(std::string_view scalar);

  bool has_private_key() const { return has_private_key_; }
  const std::string& public_point() const { return public_point_; }
  // Requires has_private_key(). The returned bytes are a secret.
  common::Result<std::string> private_scalar() const;

  // Raw ECDH shared secret (the x coordinate) between this key pair and `peer`.
  common::Result<std::string> shared_secret_with(const P256Key& peer) const;
  // ECDSA over SHA-256 of `message`, as JWS wants it: R || S, not DER (RFC 7518 3.4).
  common::Result<std::string> sign_es256(std::string_view message) const;

  // For OpenSSL calls that need the key itself; owned by this object.
  EVP_PKEY* native() const { return key_.get(); }

 private:
  P256Key(PkeyHandle key, std::string public_point, bool has_private_key);

  PkeyHandle key_;
  std::string public_point_;
  bool has_private_key_ = false;
};

}  // namespace shop::notification::push
