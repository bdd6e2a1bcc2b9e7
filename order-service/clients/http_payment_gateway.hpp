#pragma once
// PaymentGateway over the payment provider's REST API (payment-provider/, Stripe-like):
// POST /v1/payment_methods, /v1/charges and /v1/refunds with a bearer API key. Charges
// and refunds carry Idempotency-Key "order-<id>-charge" / "order-<id>-refund", so a
// retry after a timeout gets the first attempt's answer instead of a second charge.
// Every call has a deadline; a circuit breaker refuses calls at once while the
// provider keeps failing.

#include <boost/json/object.hpp>

#include <chrono>
#include <memory>
#include <string>

#include "clients/payment_gateway.hpp"
#include "common/http/client.hpp"
#include "common/resilience/circuit_breaker.hpp"

namespace shop::order::clients {

struct PaymentProviderConfig {
  common::http::Endpoint endpoint;
  std::string api_key;
  std::chrono::milliseconds timeout{2000};
};

class HttpPaymentGateway final : public PaymentGateway {
 public:
  HttpPaymentGateway(PaymentProviderConfig config,
                     std::shared_ptr<common::resilience::CircuitBreaker> breaker);

  // PaymentGateway
  boost::asio::awaitable<common::Result<models::CardToken>> tokenize(
      const models::CardDetails& card) override;
  boost::asio::awaitable<common::Result<ChargeOutcome>> charge(const models::Order& order) override;
  boost::asio::awaitable<common::Result<void>> refund(const models::Order& order) override;
  boost::asio::awaitable<common::Result<std::optional<std::string>>> find_charge(
      const models::Order& order) override;

 private:
  struct Answer {
    int status = 0;
    boost::json::object body;
  };
  boost::asio::awaitable<common::Result<Answer>> post(std::string target, boost::json::object body,
                                                      std::string idempotency_key);
  boost::asio::awaitable<common::Result<Answer>> send(common::http::Request request);

  PaymentProviderConfig config_;
  std::shared_ptr<common::resilience::CircuitBreaker> breaker_;
};

}  // namespace shop::order::clients
