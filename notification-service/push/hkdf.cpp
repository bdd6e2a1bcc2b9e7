#include "push/hkdf.hpp"

#include <openssl/core_names.h>

#include <array>

#include "push/openssl_errors.hpp"
#include "push/openssl_handles.hpp"

namespace shop::notification::push {
namespace {

// OSSL_PARAM wants mutable pointers even for inputs it only reads.
void* mutable_bytes(std::string_view bytes) { return const_cast<char*>(bytes.data()); }

common::Result<std::string> run_hkdf(int mode, std::string_view salt, std::string_view key,
                                     std::string_view info, std::size_t length) {
  const KdfHandle kdf(EVP_KDF_fetch(nullptr, OSSL_KDF_NAME_HKDF, nullptr));
  if (!kdf) return openssl_failure("HKDF");
  const KdfContextHandle context(EVP_KDF_CTX_new(kdf.get()));
  if (!context) return openssl_failure("HKDF");

  std::array<OSSL_PARAM, 6> params{};
  std::size_t count = 0;
  params[count++] = OSSL_PARAM_construct_int(OSSL_KDF_PARAM_MODE, &mode);
  params[count++] =
      OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, const_cast<char*>("SHA256"), 0);
  params[count++] =
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, mutable_bytes(key), key.size());
  if (mode == EVP_KDF_HKDF_MODE_EXTRACT_ONLY) {
    params[count++] =
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, mutable_bytes(salt), salt.size());
  } else {
    params[count++] =
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, mutable_bytes(info), info.size());
  }
  params[count] = OSSL_PARAM_construct_end();

  std::string output(length, '\0');
  if (EVP_KDF_derive(context.get(), reinterpret_cast<unsigned char*>(output.data()), length,
                     params.data()) != 1) {
    return openssl_failure("HKDF");
  }
  return output;
}

}  // namespace

common::Result<std::string> hkdf_extract(std::string_view salt,
                                         std::string_view input_key_material) {
  return run_hkdf(EVP_KDF_HKDF_MODE_EXTRACT_ONLY, salt, input_key_material, {}, kHkdfPrkBytes);
}

common::Result<std::string> hkdf_expand(std::string_view prk, std::string_view info,
                                        std::size_t length) {
  return run_hkdf(EVP_KDF_HKDF_MODE_EXPAND_ONLY, {}, prk, info, length);
}

}  // namespace shop::notification::push
