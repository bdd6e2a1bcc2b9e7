#pragma once
// libsodium must be initialised before its first use (it picks CPU-specific code paths and
// opens the random source). Every function in this folder calls init_crypto() itself, so
// callers only need it to make the one-time cost happen at start-up instead of on a request.

namespace shop::common::auth {

// Idempotent and thread-safe. Aborts the process if libsodium cannot initialise, since no
// token or password operation could be trusted afterwards.
void init_crypto();

}  // namespace shop::common::auth
