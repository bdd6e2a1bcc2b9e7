#pragma once
// Unpredictable values from the operating system's CSPRNG (through libsodium).

#include <cstddef>
#include <string>

namespace shop::common::auth {

// `count` raw random bytes.
std::string random_bytes(std::size_t count);

// An opaque bearer secret (refresh tokens, webhook secrets): `bytes` random bytes,
// base64url-encoded without padding. 32 bytes gives 256 bits, beyond any guessing.
std::string random_token(std::size_t bytes = 32);

// `bytes` random bytes as 2 * `bytes` lowercase hexadecimal digits, for opaque ids.
std::string random_hex(std::size_t bytes);

// A random (version 4, RFC 9562 variant) UUID in lowercase canonical form,
// "xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx".
std::string new_uuid();

}  // namespace shop::common::auth
