#pragma once
// Internal to notification_push: HKDF with SHA-256 (RFC 5869), split into its two steps
// because RFC 8291 section 3.4 and RFC 8188 section 2.2 use them separately.

#include <cstddef>
#include <string>
#include <string_view>

#include "common/errors.hpp"

namespace shop::notification::push {

inline constexpr std::size_t kHkdfPrkBytes = 32;

// PRK = HMAC-SHA-256(salt, input_key_material).
common::Result<std::string> hkdf_extract(std::string_view salt,
                                         std::string_view input_key_material);

// `length` bytes (1 to 255 * 32) of output keying material: T(1) || T(2) || ... where
// T(i) = HMAC-SHA-256(prk, T(i-1) || info || i).
common::Result<std::string> hkdf_expand(std::string_view prk, std::string_view info,
                                        std::size_t length);

}  // namespace shop::notification::push
