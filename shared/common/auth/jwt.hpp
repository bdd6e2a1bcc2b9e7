#pragma once
// Access tokens: JWS compact serialisation (RFC 7515) signed with Ed25519 ("alg":"EdDSA",
// RFC 8037). user-service holds the signing key; the gateway and the services hold only
// public keys, fetched as a JWKS from /.well-known/jwks.json, so a compromised verifier
// cannot mint tokens.
//
// Verification never lets the token choose how it is checked: the algorithm is fixed to
// Ed25519 and the header's "alg" must say exactly that, the key is looked up by "kid" in a
// KeySet the caller trusts, and time is a parameter so the checks are testable.

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/errors.hpp"

namespace shop::common::auth {

inline constexpr std::size_t kEd25519PublicKeyBytes = 32;
inline constexpr std::size_t kEd25519SecretKeyBytes = 64;  // seed followed by public key
inline constexpr std::size_t kEd25519SeedBytes = 32;
// Larger tokens are refused before any decoding, bounding the work an attacker can cause.
inline constexpr std::size_t kMaxTokenBytes = 8 * 1024;

// What an access token carries, under the JSON names sub, roles, iat, exp, jti, iss. Times are
// seconds since the Unix epoch, UTC.
struct Claims {
  std::string subject;
  std::vector<std::string> roles;
  std::int64_t issued_at = 0;
  std::int64_t expires_at = 0;
  std::string token_id;
  std::string issuer;

  bool has_role(std::string_view role) const;
  bool operator==(const Claims&) const = default;
};

// An Ed25519 key pair. The secret half is wiped from memory when the object goes away.
class SigningKey {
 public:
  static SigningKey generate();
  // `raw` is libsodium's 64-byte secret key (seed || public key); refused when its length
  // is wrong or its public half does not belong to its seed.
  static std::optional<SigningKey> from_secret_key(std::string_view raw);
  // `seed` is 32 bytes, the form RFC 8032 and most key files use.
  static std::optional<SigningKey> from_seed(std::string_view seed);

  SigningKey(const SigningKey&) = default;
  SigningKey& operator=(const SigningKey&) = default;
  ~SigningKey();

  // base64url of the first 8 bytes of SHA-256(public key): stable for a key, so a verifier
  // can pick the right one while keys rotate.
  const std::string& kid() const { return kid_; }
  std::string public_key() const;  // raw 32 bytes
  std::string secret_key() const;  // raw 64 bytes; handle as a secret

 private:
  friend std::string sign(const SigningKey& key, const Claims& claims);

  explicit SigningKey(const std::array<unsigned char, kEd25519SecretKeyBytes>& secret);

  std::array<unsigned char, kEd25519SecretKeyBytes> secret_{};
  std::string kid_;
};

// The kid a key with this raw public key gets (see SigningKey::kid).
std::string key_id_for(std::string_view public_key);

// Serialises and signs; header {"alg":"EdDSA","typ":"JWT","kid":key.kid()}.
std::string sign(const SigningKey& key, const Claims& claims);

// The public keys a verifier trusts, by kid. Read-only use is thread-safe, so one set can be
// shared by all I/O threads; rotation builds a new set and swaps it in whole.
class KeySet {
 public:
  // False (and nothing added) when kid is empty or the key is not 32 bytes. A kid already
  // present is replaced.
  [[nodiscard]] bool add(std::string kid, std::string_view public_key);
  void add(const SigningKey& key);

  // Parses {"keys":[...]}. Entries that are not Ed25519 signing keys (another kty or crv,
  // "use" other than "sig", "alg" other than "EdDSA") are skipped, as RFC 7517 section 5
  // asks for key types a reader does not understand. An Ed25519 entry without a string
  // kid, with a bad "x", carrying private material ("d"), or repeating a kid fails the
  // whole set (kBadRequest), as does a set with no usable key.
  static Result<KeySet> from_jwks(std::string_view jwks_json);
  // {"keys":[...]} with one to_jwk() entry per key, ordered by kid.
  std::string to_jwks() const;

  // The raw 32-byte public key for kid, if known.
  std::optional<std::string> find(std::string_view kid) const;
  std::size_t size() const { return keys_.size(); }
  bool empty() const { return keys_.empty(); }

 private:
  std::map<std::string, std::array<unsigned char, kEd25519PublicKeyBytes>, std::less<>> keys_;
};

// One public JWK: {"kty":"OKP","crv":"Ed25519","x":...,"kid":...,"alg":"EdDSA","use":"sig"}.
std::string to_jwk(std::string_view kid, std::string_view public_key);
std::string to_jwk(const SigningKey& key);

// Seconds since the Unix epoch, UTC: the clock token times are read against.
std::int64_t unix_now();

// Checks a compact token and returns its claims. Every failure is kUnauthenticated with a
// short detail that is safe to log: token too large, malformed token, unsupported alg,
// unknown key, bad signature, bad claims, token expired, token issued in the future,
// token not yet valid, unsupported header, unsupported typ.
// The payload must carry a non-empty string "sub" and integer "iat" and "exp"; "roles",
// "jti" and "iss" are optional but must have the right type; an "nbf", if present, is
// honoured. A token is expired once now_seconds - leeway >= exp, and refused when iat or
// nbf is later than now_seconds + leeway. The leeway is clamped to [0, 86400] so that the
// arithmetic cannot overflow.
Result<Claims> verify(const KeySet& keys, std::string_view token, std::int64_t now_seconds,
                      std::int64_t leeway_seconds = 30);

}  // namespace shop::common::auth
