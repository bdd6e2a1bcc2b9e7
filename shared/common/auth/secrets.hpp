#pragma once
// Comparing a presented secret (an API key) with the expected one without the time
// taken revealing how much of it matched.

#include <string_view>

namespace shop::common::auth {

// Compares the SHA-256 digests of both in constant time, so neither the position of the
// first difference nor the expected length shows in the timing.
bool secrets_equal(std::string_view presented, std::string_view expected);

}  // namespace shop::common::auth
