#pragma once
// VAPID (RFC 8292): how the shop identifies itself to browsers' push services. Every push
// request carries "Authorization: vapid t=<JWT>, k=<public key>", the JWT signed with ES256
// by the key whose public half the browser got as applicationServerKey when subscribing.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "common/errors.hpp"

namespace shop::notification::push {

class P256Key;

// RFC 8292 section 2 caps "exp" at 24 hours ahead; half of that leaves room for clock skew
// between the shop and the push service.
inline constexpr std::int64_t kVapidTokenLifetimeSeconds = 12 * 60 * 60;

// A P-256 key pair. Immutable, cheap to copy and safe to share between threads.
class VapidKey {
 public:
  static common::Result<VapidKey> generate();
  // The raw 32-byte private scalar, base64url, as VAPID_PRIVATE_KEY holds it. kBadRequest
  // when it does not decode, has the wrong length or is not a valid scalar.
  static common::Result<VapidKey> from_private_key(std::string_view private_key_base64url);

  // The 65-byte uncompressed point, base64url: the applicationServerKey browsers need.
  const std::string& public_key_base64url() const { return public_key_base64url_; }
  // The form from_private_key() reads; handle as a secret.
  common::Result<std::string> private_key_base64url() const;

 private:
  friend common::Result<std::string> vapid_authorization(const VapidKey& key,
                                                         std::string_view endpoint_url,
                                                         std::string_view subject,
                                                         std::int64_t now_seconds);

  explicit VapidKey(std::shared_ptr<const P256Key> key);

  std::shared_ptr<const P256Key> key_;
  std::string public_key_base64url_;
};

// "<scheme>://<host>[:port]" of a push endpoint, the JWT's "aud": scheme and host
// lowercased, a default port left out. kBadRequest unless the URL is absolute http(s) with a
// host.
common::Result<std::string> endpoint_origin(std::string_view endpoint_url);

// The Authorization header value for a push to `endpoint_url`: "vapid t=<JWT>, k=<key>",
// the JWT with header {"typ":"JWT","alg":"ES256"} and claims {"aud": origin, "exp": now +
// kVapidTokenLifetimeSeconds, "sub": subject}. `subject` is the contact a push service can
// reach the shop at and must be a "mailto:" or "https:" URI; `now_seconds` is Unix time.
// kBadRequest for a bad endpoint or subject.
common::Result<std::string> vapid_authorization(const VapidKey& key, std::string_view endpoint_url,
                                                std::string_view subject, std::int64_t now_seconds);

}  // namespace shop::notification::push
