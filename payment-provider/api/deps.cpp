#include "api/deps.hpp"

namespace shop::payment::api {

std::int64_t unix_now(const Deps& deps) {
  const auto since_epoch = deps.clock().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::seconds>(since_epoch).count();
}

models::YearMonth current_month(const Deps& deps) {
  const std::chrono::year_month_day today{std::chrono::floor<std::chrono::days>(deps.clock())};
  return {static_cast<int>(today.year()), static_cast<int>(static_cast<unsigned>(today.month()))};
}

}  // namespace shop::payment::api
