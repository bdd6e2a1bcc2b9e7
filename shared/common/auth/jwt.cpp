#include "common/auth/jwt.hpp"

#include <chrono>

#include <sodium.h>

#include <algorithm>
#include <boost/json.hpp>
#include <utility>

#include "common/auth/base64url.hpp"
#include "common/auth/crypto_init.hpp"
#include "common/auth/sha256.hpp"

namespace shop::common::auth {
namespace {

namespace json = boost::json;

constexpr std::string_view kAlg = "EdDSA";
constexpr std::size_t kSignatureBytes = crypto_sign_BYTES;
constexpr std::size_t kKidDigestBytes = 8;

static_assert(kEd25519PublicKeyBytes == crypto_sign_PUBLICKEYBYTES);
static_assert(kEd25519SecretKeyBytes == crypto_sign_SECRETKEYBYTES);
static_assert(kEd25519SeedBytes == crypto_sign_SEEDBYTES);

const unsigned char* bytes_of(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

// Boost.JSON's default options are already strict (no comments, no trailing commas, valid
// UTF-8 only, bounded depth); for repeated names the last one wins, which RFC 7515
// section 4 allows.
std::optional<json::object> parse_object(std::string_view text) {
  boost::system::error_code ec;
  json::value value = json::parse(text, ec);
  if (ec || !value.is_object()) return std::nullopt;
  return std::move(value.as_object());
}

const json::string* string_member(const json::object& object, std::string_view name) {
  const json::value* value = object.if_contains(name);
  return value == nullptr ? nullptr : value->if_string();
}

bool iequals_ascii(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
    return lower(x) == lower(y);
  });
}

Error reject(std::string detail) { return Error::unauthenticated(std::move(detail)); }

// Reads an optional integer claim. Absent: nullopt in *out and true. Present but not an
// integer that fits int64 (a fraction, a string, a huge number): false.
bool optional_int_claim(const json::object& payload, std::string_view name,
                        std::optional<std::int64_t>* out) {
  const json::value* value = payload.if_contains(name);
  if (value == nullptr) {
    out->reset();
    return true;
  }
  if (!value->is_int64()) return false;
  *out = value->get_int64();
  return true;
}

bool optional_string_claim(const json::object& payload, std::string_view name, std::string* out) {
  const json::value* value = payload.if_contains(name);
  if (value == nullptr) return true;
  if (!value->is_string()) return false;
  *out = std::string(value->get_string());
  return true;
}

std::optional<Claims> claims_from(const json::object& payload) {
  Claims claims;
  const json::string* sub = string_member(payload, "sub");
  if (sub == nullptr || sub->empty()) return std::nullopt;
  claims.subject = std::string(*sub);

  std::optional<std::int64_t> iat;
  std::optional<std::int64_t> exp;
  if (!optional_int_claim(payload, "iat", &iat) || !iat) return std::nullopt;
  if (!optional_int_claim(payload, "exp", &exp) || !exp) return std::nullopt;
  claims.issued_at = *iat;
  claims.expires_at = *exp;

  if (const json::value* roles = payload.if_contains("roles")) {
    const json::array* list = roles->if_array();
    if (list == nullptr) return std::nullopt;
    claims.roles.reserve(list->size());
    for (const json::value& role : *list) {
      if (!role.is_string()) return std::nullopt;
      claims.roles.emplace_back(role.get_string());
    }
  }
  if (!optional_string_claim(payload, "jti", &claims.token_id)) return std::nullopt;
  if (!optional_string_claim(payload, "iss", &claims.issuer)) return std::nullopt;
  return claims;
}

json::object jwk_object(std::string_view kid, std::string_view public_key) {
  return json::object{{"kty", "OKP"}, {"crv", "Ed25519"}, {"x", base64url_encode(public_key)},
                      {"kid", kid},   {"alg", kAlg},      {"use", "sig"}};
}

std::string_view as_view(const std::array<unsigned char, kEd25519PublicKeyBytes>& key) {
  return {reinterpret_cast<const char*>(key.data()), key.size()};
}

}  // namespace

bool Claims::has_role(std::string_view role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

// ---- SigningKey ----------------------------------------------------------------------------

SigningKey::SigningKey(const std::array<unsigned char, kEd25519SecretKeyBytes>& secret)
    : secret_(secret), kid_(key_id_for(public_key())) {}

SigningKey::~SigningKey() { sodium_memzero(secret_.data(), secret_.size()); }

SigningKey SigningKey::generate() {
  init_crypto();
  std::array<unsigned char, kEd25519PublicKeyBytes> pk{};
  std::array<unsigned char, kEd25519SecretKeyBytes> sk{};
  crypto_sign_keypair(pk.data(), sk.data());
  SigningKey key(sk);
  sodium_memzero(sk.data(), sk.size());
  return key;
}

std::optional<SigningKey> SigningKey::from_seed(std::string_view seed) {
  if (seed.size() != kEd25519SeedBytes) return std::nullopt;
  init_crypto();
  std::array<unsigned char, kEd25519PublicKeyBytes> pk{};
  std::array<unsigned char, kEd25519SecretKeyBytes> sk{};
  crypto_sign_seed_keypair(pk.data(), sk.data(), bytes_of(seed));
  SigningKey key(sk);
  sodium_memzero(sk.data(), sk.size());
  return key;
}

std::optional<SigningKey> SigningKey::from_secret_key(std::string_view raw) {
  if (raw.size() != kEd25519SecretKeyBytes) return std::nullopt;
  std::optional<SigningKey> key = from_seed(raw.substr(0, kEd25519SeedBytes));
  // A secret key whose stored public half was altered would sign tokens that verify under
  // no published key, or under the wrong one: refuse it here rather than at first use.
  if (!key || sodium_memcmp(key->secret_.data(), raw.data(), raw.size()) != 0) {
    return std::nullopt;
  }
  return key;
}

std::string SigningKey::public_key() const {
  std::string pk(kEd25519PublicKeyBytes, '\0');
  crypto_sign_ed25519_sk_to_pk(reinterpret_cast<unsigned char*>(pk.data()), secret_.data());
  return pk;
}

std::string SigningKey::secret_key() const {
  return {reinterpret_cast<const char*>(secret_.data()), secret_.size()};
}

std::string key_id_for(std::string_view public_key) {
  return base64url_encode(sha256(public_key).substr(0, kKidDigestBytes));
}

// ---- sign ----------------------------------------------------------------------------------

std::string sign(const SigningKey& key, const Claims& claims) {
  init_crypto();
  const json::object header{{"alg", kAlg}, {"typ", "JWT"}, {"kid", key.kid()}};
  json::array roles;
  roles.reserve(claims.roles.size());
  for (const std::string& role : claims.roles) roles.emplace_back(role);
  const json::object payload{{"sub", claims.subject},   {"roles", std::move(roles)},
                             {"iat", claims.issued_at}, {"exp", claims.expires_at},
                             {"jti", claims.token_id},  {"iss", claims.issuer}};

  std::string token = base64url_encode(json::serialize(header));
  token.push_back('.');
  token += base64url_encode(json::serialize(payload));

  std::array<unsigned char, kSignatureBytes> signature{};
  crypto_sign_detached(signature.data(), nullptr, bytes_of(token), token.size(),
                       key.secret_.data());
  token.push_back('.');
  token += base64url_encode(
      std::string_view(reinterpret_cast<const char*>(signature.data()), signature.size()));
  return token;
}

// ---- KeySet --------------------------------------------------------------------------------

bool KeySet::add(std::string kid, std::string_view public_key) {
  if (kid.empty() || public_key.size() != kEd25519PublicKeyBytes) return false;
  std::array<unsigned char, kEd25519PublicKeyBytes> raw{};
  std::copy_n(bytes_of(public_key), raw.size(), raw.begin());
  keys_.insert_or_assign(std::move(kid), raw);
  return true;
}

void KeySet::add(const SigningKey& key) {
  const bool added = add(key.kid(), key.public_key());
  (void)added;  // a SigningKey always has a kid and a 32-byte public key
}

std::optional<std::string> KeySet::find(std::string_view kid) const {
  const auto it = keys_.find(kid);
  if (it == keys_.end()) return std::nullopt;
  return std::string(as_view(it->second));
}

Result<KeySet> KeySet::from_jwks(std::string_view jwks_json) {
  const std::optional<json::object> root = parse_object(jwks_json);
  if (!root) return Error::bad_request("jwks: not a JSON object");
  const json::value* keys_value = root->if_contains("keys");
  if (keys_value == nullptr || !keys_value->is_array()) {
    return Error::bad_request("jwks: \"keys\" must be an array");
  }

  KeySet set;
  for (const json::value& entry : keys_value->get_array()) {
    const json::object* jwk = entry.if_object();
    if (jwk == nullptr) return Error::bad_request("jwks: key entry is not an object");
    const json::string* kty = string_member(*jwk, "kty");
    if (kty == nullptr) return Error::bad_request("jwks: key entry without \"kty\"");

    const json::string* crv = string_member(*jwk, "crv");
    const json::value* use = jwk->if_contains("use");
    const json::value* alg = jwk->if_contains("alg");
    const bool usable = *kty == "OKP" && crv != nullptr && *crv == "Ed25519" &&
                        (use == nullptr || (use->is_string() && use->get_string() == "sig")) &&
                        (alg == nullptr || (alg->is_string() && alg->get_string() == kAlg));
    if (!usable) continue;

    if (jwk->contains("d")) return Error::bad_request("jwks: contains private key material");
    const json::string* kid = string_member(*jwk, "kid");
    if (kid == nullptr || kid->empty()) return Error::bad_request("jwks: key without \"kid\"");
    const json::string* x = string_member(*jwk, "x");
    const std::optional<std::string> public_key =
        x == nullptr ? std::nullopt : base64url_decode(*x);
    if (!public_key || public_key->size() != kEd25519PublicKeyBytes) {
      return Error::bad_request("jwks: key with an invalid \"x\"");
    }
    if (set.keys_.contains(std::string_view(*kid))) {
      return Error::bad_request("jwks: duplicate \"kid\"");
    }
    if (!set.add(std::string(*kid), *public_key)) {
      return Error::bad_request("jwks: unusable key");
    }
  }
  if (set.empty()) return Error::bad_request("jwks: no Ed25519 signing key");
  return set;
}

std::string KeySet::to_jwks() const {
  json::array keys;
  keys.reserve(keys_.size());
  for (const auto& [kid, public_key] : keys_) {
    keys.emplace_back(jwk_object(kid, as_view(public_key)));
  }
  return json::serialize(json::object{{"keys", std::move(keys)}});
}

std::string to_jwk(std::string_view kid, std::string_view public_key) {
  return json::serialize(jwk_object(kid, public_key));
}

std::string to_jwk(const SigningKey& key) { return to_jwk(key.kid(), key.public_key()); }

// ---- verify --------------------------------------------------------------------------------

Result<Claims> verify(const KeySet& keys, std::string_view token, std::int64_t now_seconds,
                      std::int64_t leeway_seconds) {
  if (token.size() > kMaxTokenBytes) return reject("token too large");

  const std::size_t first_dot = token.find('.');
  if (first_dot == std::string_view::npos) return reject("malformed token");
  const std::size_t second_dot = token.find('.', first_dot + 1);
  if (second_dot == std::string_view::npos ||
      token.find('.', second_dot + 1) != std::string_view::npos) {
    return reject("malformed token");
  }
  const std::string_view header_b64 = token.substr(0, first_dot);
  const std::string_view payload_b64 = token.substr(first_dot + 1, second_dot - first_dot - 1);
  const std::string_view signature_b64 = token.substr(second_dot + 1);
  const std::string_view signing_input = token.substr(0, second_dot);

  const std::optional<std::string> header_json = base64url_decode(header_b64);
  if (!header_json) return reject("malformed token");
  const std::optional<json::object> header = parse_object(*header_json);
  if (!header) return reject("malformed token");

  // "alg" is compared, never used to choose: only Ed25519 exists on this path, so "none",
  // HS256 (keyed with the public key) and the like are refused outright.
  const json::string* alg = string_member(*header, "alg");
  if (alg == nullptr || *alg != kAlg) return reject("unsupported alg");
  // No extension is understood, so any critical one makes the token unusable (RFC 7515).
  if (header->contains("crit")) return reject("unsupported header");
  if (const json::value* typ = header->if_contains("typ")) {
    if (!typ->is_string() || !iequals_ascii(typ->get_string(), "JWT")) {
      return reject("unsupported typ");
    }
  }
  // Embedded or referenced keys (jwk, jku, x5c, x5u) are ignored on purpose: trusting them
  // would let the token bring its own key.
  const json::string* kid = string_member(*header, "kid");
  if (kid == nullptr) return reject("malformed token");
  const std::optional<std::string> public_key = keys.find(*kid);
  if (!public_key) return reject("unknown key");

  const std::optional<std::string> signature = base64url_decode(signature_b64);
  if (!signature || signature->size() != kSignatureBytes) return reject("malformed token");
  init_crypto();
  if (crypto_sign_verify_detached(bytes_of(*signature), bytes_of(signing_input),
                                  signing_input.size(), bytes_of(*public_key)) != 0) {
    return reject("bad signature");
  }

  // The payload is parsed only once it is known to come from a trusted key.
  const std::optional<std::string> payload_json = base64url_decode(payload_b64);
  if (!payload_json) return reject("malformed token");
  const std::optional<json::object> payload = parse_object(*payload_json);
  if (!payload) return reject("malformed token");
  std::optional<Claims> claims = claims_from(*payload);
  if (!claims) return reject("bad claims");
  std::optional<std::int64_t> not_before;
  if (!optional_int_claim(*payload, "nbf", &not_before)) return reject("bad claims");

  // Both sides stay far from int64 limits for any real clock, so these cannot overflow.
  const std::int64_t leeway = std::clamp<std::int64_t>(leeway_seconds, 0, 24 * 3600);
  if (claims->expires_at <= now_seconds - leeway) return reject("token expired");
  if (claims->issued_at > now_seconds + leeway) return reject("token issued in the future");
  if (not_before && *not_before > now_seconds + leeway) return reject("token not yet valid");
  return std::move(*claims);
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace shop::common::auth
