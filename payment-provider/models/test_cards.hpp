#pragma once
// The simulated issuer: what a charge to each test card does (API.md, "Payment test
// cards"). Any other valid card is charged successfully.

#include <optional>
#include <string_view>

namespace shop::payment::models {

enum class ChargeOutcome {
  kSucceeded,
  kSucceededSlowly,  // charged, but the answer comes late (past a caller's deadline)
  kDeclined,
  kInsufficientFunds,
  kProviderError,  // 500, nothing charged
};

inline constexpr std::string_view kDeclinedCard = "4000000000000002";
inline constexpr std::string_view kInsufficientFundsCard = "4000000000009995";
inline constexpr std::string_view kProviderErrorCard = "4000000000000119";
inline constexpr std::string_view kSlowCard = "4000000000003220";

// `card_number` as stored: digits only.
ChargeOutcome outcome_for(std::string_view card_number);

struct Decline {
  std::string_view code;  // the decline_code: "generic_decline", "insufficient_funds"
  std::string_view message;
};

// Set for the outcomes where the issuer declines.
std::optional<Decline> decline_of(ChargeOutcome outcome);

// The metric label: "succeeded", "generic_decline", "insufficient_funds", "provider_error".
std::string_view outcome_label(ChargeOutcome outcome);

}  // namespace shop::payment::models
