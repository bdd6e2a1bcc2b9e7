#pragma once
// SHA-256 digests. Refresh tokens are stored only as their digest, so a leaked table holds
// nothing that can be presented; a plain (unsalted) hash is enough because the tokens are
// 256-bit random values, not guessable passwords.

#include <string>
#include <string_view>

namespace shop::common::auth {

// The raw 32-byte digest.
std::string sha256(std::string_view data);

// The digest as 64 lowercase hex characters.
std::string sha256_hex(std::string_view data);

// The digest as 43 base64url characters (no padding).
std::string sha256_base64url(std::string_view data);

}  // namespace shop::common::auth
