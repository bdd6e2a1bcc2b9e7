#include "models/ids.hpp"

#include "common/auth/random.hpp"

namespace shop::payment::models {

namespace {
constexpr std::size_t kIdRandomBytes = 12;
}  // namespace

std::string new_id(std::string_view prefix) {
  std::string id(prefix);
  id += '_';
  id += common::auth::random_hex(kIdRandomBytes);
  return id;
}

}  // namespace shop::payment::models
