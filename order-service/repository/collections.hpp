#pragma once
// The collections of order-service's MongoDB-API database (see mongo_stores.hpp).

#include <string_view>

namespace shop::order::repository {

inline constexpr std::string_view kOrderLogCollection = "order_log";
inline constexpr std::string_view kOrdersCollection = "orders";
inline constexpr std::string_view kCartLinesCollection = "cart_lines";
inline constexpr std::string_view kIdempotencyKeysCollection = "idempotency_keys";

}  // namespace shop::order::repository
