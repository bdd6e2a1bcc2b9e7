#pragma once
// The provider's business metrics, declared in one place:
//
//   shop_payment_provider_charges_total{outcome}  counter  charges attempted, by outcome:
//                                                          succeeded, generic_decline,
//                                                          insufficient_funds, provider_error
//
// Replays of a stored answer are not counted: each attempt counts once.

#include "models/test_cards.hpp"

namespace shop::payment::api {

void count_charge(models::ChargeOutcome outcome);

}  // namespace shop::payment::api
