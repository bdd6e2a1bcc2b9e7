#pragma once
// Internal to notification_push: owning handles for the OpenSSL objects this folder uses,
// so every early return frees what was allocated before it.

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/param_build.h>

#include <memory>

namespace shop::notification::push {

template <auto FreeFunction>
struct OpenSslDeleter {
  template <class T>
  void operator()(T* object) const {
    FreeFunction(object);
  }
};

template <class T, auto FreeFunction>
using OpenSslHandle = std::unique_ptr<T, OpenSslDeleter<FreeFunction>>;

using PkeyHandle = OpenSslHandle<EVP_PKEY, EVP_PKEY_free>;
using PkeyContextHandle = OpenSslHandle<EVP_PKEY_CTX, EVP_PKEY_CTX_free>;
using CipherContextHandle = OpenSslHandle<EVP_CIPHER_CTX, EVP_CIPHER_CTX_free>;
using DigestContextHandle = OpenSslHandle<EVP_MD_CTX, EVP_MD_CTX_free>;
using KdfHandle = OpenSslHandle<EVP_KDF, EVP_KDF_free>;
using KdfContextHandle = OpenSslHandle<EVP_KDF_CTX, EVP_KDF_CTX_free>;
using ParamBuilderHandle = OpenSslHandle<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>;
using ParamsHandle = OpenSslHandle<OSSL_PARAM, OSSL_PARAM_free>;
using EcGroupHandle = OpenSslHandle<EC_GROUP, EC_GROUP_free>;
using EcPointHandle = OpenSslHandle<EC_POINT, EC_POINT_free>;
using EcdsaSignatureHandle = OpenSslHandle<ECDSA_SIG, ECDSA_SIG_free>;
using BnContextHandle = OpenSslHandle<BN_CTX, BN_CTX_free>;
// Private scalars are wiped when released.
using SecretBignumHandle = OpenSslHandle<BIGNUM, BN_clear_free>;
using BignumHandle = OpenSslHandle<BIGNUM, BN_free>;

}  // namespace shop::notification::push
