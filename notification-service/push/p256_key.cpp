#include "push/p256_key.hpp"

#include <openssl/core_names.h>
#include <openssl/obj_mac.h>

#include <utility>

#include "push/openssl_errors.hpp"

namespace shop::notification::push {
namespace {

constexpr const char* kGroupName = "prime256v1";
constexpr unsigned char kUncompressedPointPrefix = 0x04;

const unsigned char* bytes_of(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

unsigned char* bytes_of(std::string& text) { return reinterpret_cast<unsigned char*>(text.data()); }

// Builds an EVP_PKEY from OSSL_PKEY_PARAM_* values; `selection` says whether the
// parameters hold a public key only or a whole key pair.
common::Result<PkeyHandle> import_key(const ParamBuilderHandle& builder, int selection) {
  const ParamsHandle params(OSSL_PARAM_BLD_to_param(builder.get()));
  const PkeyContextHandle context(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  if (!params || !context || EVP_PKEY_fromdata_init(context.get()) != 1) {
    return openssl_failure("P-256 key import");
  }
  EVP_PKEY* raw_key = nullptr;
  if (EVP_PKEY_fromdata(context.get(), &raw_key, selection, params.get()) != 1) {
    return openssl_rejected("not a valid P-256 key");
  }
  return PkeyHandle(raw_key);
}

common::Result<std::string> read_public_point(EVP_PKEY* key) {
  std::string point(kP256PublicPointBytes, '\0');
  std::size_t length = 0;
  if (EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_PUB_KEY, bytes_of(point), point.size(),
                                      &length) != 1 ||
      length != kP256PublicPointBytes ||
      static_cast<unsigned char>(point[0]) != kUncompressedPointPrefix) {
    return openssl_failure("P-256 public key export");
  }
  return point;
}

// Q = d * G, uncompressed; `scalar` must already be in [1, n-1].
common::Result<std::string> public_point_for(const EC_GROUP* group, const BIGNUM* scalar) {
  const EcPointHandle point(EC_POINT_new(group));
  const BnContextHandle bn_context(BN_CTX_new());
  std::string encoded(kP256PublicPointBytes, '\0');
  if (!point || !bn_context ||
      EC_POINT_mul(group, point.get(), scalar, nullptr, nullptr, bn_context.get()) != 1 ||
      EC_POINT_point2oct(group, point.get(), POINT_CONVERSION_UNCOMPRESSED, bytes_of(encoded),
                         encoded.size(), bn_context.get()) != kP256PublicPointBytes) {
    return openssl_failure("P-256 public key computation");
  }
  return encoded;
}

}  // namespace

P256Key::P256Key(PkeyHandle key, std::string public_point, bool has_private_key)
    : key_(std::move(key)),
      public_point_(std::move(public_point)),
      has_private_key_(has_private_key) {}

common::Result<P256Key> P256Key::generate() {
  PkeyHandle key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  if (!key) return openssl_failure("P-256 key generation");
  auto point = read_public_point(key.get());
  if (!point) return point.error();
  return P256Key(std::move(key), std::move(*point), true);
}

common::Result<P256Key> P256Key::from_public_point(std::string_view point) {
  if (point.size() != kP256PublicPointBytes ||
      static_cast<unsigned char>(point[0]) != kUncompressedPointPrefix) {
    return common::Error::bad_request("P-256 public key must be a 65-byte uncompressed point");
  }
  const ParamBuilderHandle builder(OSSL_PARAM_BLD_new());
  if (!builder ||
      OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, kGroupName, 0) !=
          1 ||
      OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                       point.size()) != 1) {
    return openssl_failure("P-256 key import");
  }
  auto key = import_key(builder, EVP_PKEY_PUBLIC_KEY);
  if (!key) return key.error();

  // Import already decodes the point; the explicit check also rules out the point at
  // infinity and points outside the prime-order group, the inputs of invalid-curve attacks.
  const PkeyContextHandle check(EVP_PKEY_CTX_new_from_pkey(nullptr, key->get(), nullptr));
  if (!check) return openssl_failure("P-256 key check");
  if (EVP_PKEY_public_check(check.get()) != 1) {
    return openssl_rejected("P-256 public key is not a point on the curve");
  }
  return P256Key(std::move(*key), std::string(point), false);
}

common::Result<P256Key> P256Key::from_private_scalar(std::string_view scalar) {
  if (scalar.size() != kP256PrivateScalarBytes) {
    return common::Error::bad_request("P-256 private key must be 32 bytes");
  }
  const EcGroupHandle group(EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1));
  const SecretBignumHandle secret(
      BN_bin2bn(bytes_of(scalar), static_cast<int>(scalar.size()), nullptr));
  if (!group || !secret) return openssl_failure("P-256 key import");
  if (BN_is_zero(secret.get()) || BN_cmp(secret.get(), EC_GROUP_get0_order(group.get())) >= 0) {
    return common::Error::bad_request("P-256 private key is out of range");
  }

  auto point = public_point_for(group.get(), secret.get());
  if (!point) return point.error();
  const ParamBuilderHandle builder(OSSL_PARAM_BLD_new());
  if (!builder ||
      OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, kGroupName, 0) !=
          1 ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_PRIV_KEY, secret.get()) != 1 ||
      OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point->data(),
                                       point->size()) != 1) {
    return openssl_failure("P-256 key import");
  }
  auto key = import_key(builder, EVP_PKEY_KEYPAIR);
  if (!key) return key.error();
  return P256Key(std::move(*key), std::move(*point), true);
}

common::Result<std::string> P256Key::private_scalar() const {
  if (!has_private_key_) return common::Error::internal("P-256 key has no private half");
  BIGNUM* raw_secret = nullptr;
  if (EVP_PKEY_get_bn_param(key_.get(), OSSL_PKEY_PARAM_PRIV_KEY, &raw_secret) != 1) {
    return openssl_failure("P-256 private key export");
  }
  const SecretBignumHandle secret(raw_secret);
  std::string scalar(kP256PrivateScalarBytes, '\0');
  if (BN_bn2binpad(secret.get(), bytes_of(scalar), static_cast<int>(scalar.size())) < 0) {
    return openssl_failure("P-256 private key export");
  }
  return scalar;
}

common::Result<std::string> P256Key::shared_secret_with(const P256Key& peer) const {
  if (!has_private_key_) return common::Error::internal("ECDH needs a private key");
  const PkeyContextHandle context(EVP_PKEY_CTX_new_from_pkey(nullptr, key_.get(), nullptr));
  std::string secret(kP256SharedSecretBytes, '\0');
  std::size_t length = secret.size();
  if (!context || EVP_PKEY_derive_init(context.get()) != 1 ||
      EVP_PKEY_derive_set_peer(context.get(), peer.key_.get()) != 1 ||
      EVP_PKEY_derive(context.get(), bytes_of(secret), &length) != 1 ||
      length != kP256SharedSecretBytes) {
    return openssl_failure("ECDH");
  }
  return secret;
}

common::Result<std::string> P256Key::sign_es256(std::string_view message) const {
  if (!has_private_key_) return common::Error::internal("signing needs a private key");
  const DigestContextHandle context(EVP_MD_CTX_new());
  std::size_t der_length = 0;
  if (!context ||
      EVP_DigestSignInit_ex(context.get(), nullptr, "SHA256", nullptr, nullptr, key_.get(),
                            nullptr) != 1 ||
      EVP_DigestSign(context.get(), nullptr, &der_length, bytes_of(message), message.size()) != 1) {
    return openssl_failure("ES256 signing");
  }
  std::string der(der_length, '\0');
  if (EVP_DigestSign(context.get(), bytes_of(der), &der_length, bytes_of(message),
                     message.size()) != 1) {
    return openssl_failure("ES256 signing");
  }

  const unsigned char* cursor = bytes_of(der);
  const EcdsaSignatureHandle signature(
      d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(der_length)));
  if (!signature) return openssl_failure("ES256 signature decoding");
  constexpr int kHalf = kEs256SignatureBytes / 2;
  std::string raw(kEs256SignatureBytes, '\0');
  if (BN_bn2binpad(ECDSA_SIG_get0_r(signature.get()), bytes_of(raw), kHalf) != kHalf ||
      BN_bn2binpad(ECDSA_SIG_get0_s(signature.get()), bytes_of(raw) + kHalf, kHalf) != kHalf) {
    return openssl_failure("ES256 signature encoding");
  }
  return raw;
}

}  // namespace shop::notification::push
