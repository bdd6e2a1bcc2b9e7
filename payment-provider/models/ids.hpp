#pragma once
// Object ids as Stripe shapes them: a type prefix and 24 random hex digits (96 bits),
// e.g. "ch_3f9a0c1e5b7d2a4c6e8f0a1b".

#include <string>
#include <string_view>

namespace shop::payment::models {

inline constexpr std::string_view kPaymentMethodPrefix = "pm";
inline constexpr std::string_view kChargePrefix = "ch";
inline constexpr std::string_view kRefundPrefix = "re";

std::string new_id(std::string_view prefix);

}  // namespace shop::payment::models
