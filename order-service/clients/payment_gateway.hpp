#pragma once
// What the order saga asks of the payment provider, as an interface so saga tests
// can stand in for it. Charges and refunds carry an idempotency key derived from the
// order id, so a retry can never charge or refund twice.

#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "common/errors.hpp"
#include "models/order.hpp"
#include "models/validation.hpp"

namespace shop::order::clients {

struct ChargeOutcome {
  bool succeeded = false;
  std::string charge_id;       // when succeeded
  std::string failure_reason;  // when declined: "card_declined", "insufficient_funds", ...
};

class PaymentGateway {
 public:
  virtual ~PaymentGateway() = default;
  // The card becomes a token; kValidation naming the payment field for a card the
  // provider refuses; kUnavailable when the provider cannot be reached.
  virtual boost::asio::awaitable<common::Result<models::CardToken>> tokenize(
      const models::CardDetails& card) = 0;
  // A decline is a successful call with succeeded = false. kUnavailable or
  // kDeadlineExceeded: the outcome is unknown; try again later with the same order.
  virtual boost::asio::awaitable<common::Result<ChargeOutcome>> charge(
      const models::Order& order) = 0;
  virtual boost::asio::awaitable<common::Result<void>> refund(const models::Order& order) = 0;
  // The id of a succeeded charge the provider holds for this order, if any: settles an
  // outcome left unknown by failed attempts.
  virtual boost::asio::awaitable<common::Result<std::optional<std::string>>> find_charge(
      const models::Order& order) = 0;
};

}  // namespace shop::order::clients
