#pragma once
// How charges come about and how much of one can still be refunded.

#include <cstdint>
#include <optional>
#include <string>

#include "models/api_error.hpp"
#include "models/payment.hpp"
#include "models/requests.hpp"
#include "models/test_cards.hpp"

namespace shop::payment::models {

struct NewObject {
  std::string id;
  std::int64_t created = 0;
};

// The charge `request` leaves behind when its card gives `outcome`: succeeded, or failed
// with the decline. Not for kProviderError, which leaves nothing.
Charge settle_charge(const ChargeRequest& request, ChargeOutcome outcome, NewObject identity);

// The 402 a failed charge answers with.
ApiError decline_error(const Charge& charge);

// The amount to refund now: `requested`, or by default all that is left. A failed charge,
// one with nothing left, or a request for more than is left cannot be refunded.
ApiResult<std::int64_t> refund_amount(const Charge& charge, std::optional<std::int64_t> requested);

}  // namespace shop::payment::models
