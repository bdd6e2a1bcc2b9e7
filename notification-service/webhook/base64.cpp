#include "webhook/base64.hpp"

#include <sodium.h>

namespace shop::notification::webhook {
namespace {

constexpr int kVariant = sodium_base64_VARIANT_ORIGINAL;

const unsigned char* as_bytes(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
  // The encoded length libsodium reports includes the terminating NUL.
  std::string out(sodium_base64_encoded_len(bytes.size(), kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), as_bytes(bytes), bytes.size(), kVariant);
  out.pop_back();
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  std::string out(text.size() / 4 * 3, '\0');
  std::size_t decoded_size = 0;
  // No ignore set and no end pointer: any character outside the alphabet is an error.
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &decoded_size, nullptr, kVariant) != 0) {
    return std::nullopt;
  }
  out.resize(decoded_size);
  return out;
}

}  // namespace shop::notification::webhook
