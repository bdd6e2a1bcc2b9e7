#include "support/unique_names.hpp"

#include <cstdint>
#include <random>
#include <string_view>

namespace shop::testing {

std::string unique_suffix() {
  static constexpr std::string_view kAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::random_device entropy;
  std::uniform_int_distribution<std::size_t> pick(0, kAlphabet.size() - 1);
  std::string suffix;
  for (int i = 0; i < 10; ++i) suffix += kAlphabet[pick(entropy)];
  return suffix;
}

std::int64_t random_key() {
  std::random_device entropy;
  std::uniform_int_distribution<std::int64_t> pick(1, INT64_MAX);
  return pick(entropy);
}

}  // namespace shop::testing
