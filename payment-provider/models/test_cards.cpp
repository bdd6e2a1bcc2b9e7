#include "models/test_cards.hpp"

namespace shop::payment::models {

ChargeOutcome outcome_for(std::string_view card_number) {
  if (card_number == kDeclinedCard) return ChargeOutcome::kDeclined;
  if (card_number == kInsufficientFundsCard) return ChargeOutcome::kInsufficientFunds;
  if (card_number == kProviderErrorCard) return ChargeOutcome::kProviderError;
  if (card_number == kSlowCard) return ChargeOutcome::kSucceededSlowly;
  return ChargeOutcome::kSucceeded;
}

std::optional<Decline> decline_of(ChargeOutcome outcome) {
  switch (outcome) {
    case ChargeOutcome::kDeclined:
      return Decline{"generic_decline", "Your card was declined."};
    case ChargeOutcome::kInsufficientFunds:
      return Decline{"insufficient_funds", "Your card has insufficient funds."};
    case ChargeOutcome::kSucceeded:
    case ChargeOutcome::kSucceededSlowly:
    case ChargeOutcome::kProviderError:
      break;
  }
  return std::nullopt;
}

std::string_view outcome_label(ChargeOutcome outcome) {
  switch (outcome) {
    case ChargeOutcome::kSucceeded:
    case ChargeOutcome::kSucceededSlowly:
      return "succeeded";
    case ChargeOutcome::kDeclined:
      return "generic_decline";
    case ChargeOutcome::kInsufficientFunds:
      return "insufficient_funds";
    case ChargeOutcome::kProviderError:
      break;
  }
  return "provider_error";
}

}  // namespace shop::payment::models
