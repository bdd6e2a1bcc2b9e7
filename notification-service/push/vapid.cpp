#include "push/vapid.hpp"

#include <boost/json.hpp>
#include <boost/url.hpp>
#include <optional>
#include <utility>

#include "common/auth/base64url.hpp"
#include "push/p256_key.hpp"

namespace shop::notification::push {
namespace {

namespace urls = boost::urls;

constexpr std::string_view kJwtHeader = R"({"typ":"JWT","alg":"ES256"})";

static_assert(kVapidTokenLifetimeSeconds <= 24 * 60 * 60, "RFC 8292 section 2");

bool is_contact_uri(std::string_view subject) {
  return subject.starts_with("mailto:") || subject.starts_with("https:");
}

std::string claims_json(std::string_view audience, std::int64_t expires_at,
                        std::string_view subject) {
  return boost::json::serialize(
      boost::json::object{{"aud", audience}, {"exp", expires_at}, {"sub", subject}});
}

}  // namespace

VapidKey::VapidKey(std::shared_ptr<const P256Key> key)
    : key_(std::move(key)),
      public_key_base64url_(common::auth::base64url_encode(key_->public_point())) {}

common::Result<VapidKey> VapidKey::generate() {
  auto key = P256Key::generate();
  if (!key) return key.error();
  return VapidKey(std::make_shared<const P256Key>(std::move(*key)));
}

common::Result<VapidKey> VapidKey::from_private_key(std::string_view private_key_base64url) {
  const std::optional<std::string> scalar = common::auth::base64url_decode(private_key_base64url);
  if (!scalar) return common::Error::bad_request("VAPID private key is not base64url");
  auto key = P256Key::from_private_scalar(*scalar);
  if (!key) {
    common::Error error = key.error();
    error.detail.insert(0, "VAPID private key: ");
    return error;
  }
  return VapidKey(std::make_shared<const P256Key>(std::move(*key)));
}

common::Result<std::string> VapidKey::private_key_base64url() const {
  auto scalar = key_->private_scalar();
  if (!scalar) return scalar.error();
  return common::auth::base64url_encode(*scalar);
}

common::Result<std::string> endpoint_origin(std::string_view endpoint_url) {
  const auto parsed = urls::parse_uri(endpoint_url);
  if (!parsed) return common::Error::bad_request("push endpoint is not an absolute URL");
  urls::url url(*parsed);
  url.normalize_scheme();
  url.normalize_authority();

  std::uint16_t default_port = 0;
  if (url.scheme_id() == urls::scheme::https) {
    default_port = 443;
  } else if (url.scheme_id() == urls::scheme::http) {
    default_port = 80;
  } else {
    return common::Error::bad_request("push endpoint must be an http(s) URL");
  }
  if (url.encoded_host().empty()) return common::Error::bad_request("push endpoint has no host");

  std::string origin(url.scheme());
  origin += "://";
  origin += url.encoded_host();
  if (url.has_port() && !url.port().empty()) {
    const std::uint16_t port = url.port_number();
    // port_number() is 0 for a port that does not fit in 16 bits.
    if (port == 0) return common::Error::bad_request("push endpoint has an invalid port");
    if (port != default_port) {
      // Appended piecewise: GCC 12 reports a false -Wrestrict for ":" + std::to_string().
      origin += ':';
      origin += std::to_string(port);
    }
  }
  return origin;
}

common::Result<std::string> vapid_authorization(const VapidKey& key, std::string_view endpoint_url,
                                                std::string_view subject,
                                                std::int64_t now_seconds) {
  auto audience = endpoint_origin(endpoint_url);
  if (!audience) return audience.error();
  if (!is_contact_uri(subject)) {
    return common::Error::bad_request("VAPID subject must be a mailto: or https: URI");
  }

  const std::string signing_input =
      common::auth::base64url_encode(kJwtHeader) + "." +
      common::auth::base64url_encode(
          claims_json(*audience, now_seconds + kVapidTokenLifetimeSeconds, subject));
  auto signature = key.key_->sign_es256(signing_input);
  if (!signature) return signature.error();
  return "vapid t=" + signing_input + "." + common::auth::base64url_encode(*signature) +
         ", k=" + key.public_key_base64url();
}

}  // namespace shop::notification::push
