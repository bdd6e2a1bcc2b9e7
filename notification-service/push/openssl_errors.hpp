#pragma once
// Internal to notification_push: turns an OpenSSL failure into the project's Error.
// OpenSSL keeps failures in a per-thread queue; both functions empty it, so a refused
// input cannot show up later as a stale error in an unrelated OpenSSL caller on the same
// I/O thread.

#include <string>
#include <string_view>

#include "common/errors.hpp"

namespace shop::notification::push {

// The input was fine but OpenSSL could not do its job (allocation, provider missing):
// kInternal, detail "<operation> failed".
common::Error openssl_failure(std::string_view operation);

// OpenSSL refused the input itself (e.g. a point off the curve): kBadRequest with `detail`.
common::Error openssl_rejected(std::string detail);

}  // namespace shop::notification::push
