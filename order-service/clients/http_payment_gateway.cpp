#include "clients/http_payment_gateway.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cctype>

#include "json_values.hpp"

namespace shop::order::clients {
namespace {

namespace json = boost::json;
namespace http = common::http;
using common::Error;

std::string lowercase(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// The provider's card-error parameter as the field of our request it came from.
std::string card_field(std::string_view param) {
  if (param == "card.exp_month") return "payment.exp_month";
  if (param == "card.exp_year") return "payment.exp_year";
  if (param == "card.cvc") return "payment.cvc";
  return "payment.card_number";
}

}  // namespace

HttpPaymentGateway::HttpPaymentGateway(PaymentProviderConfig config,
                                       std::shared_ptr<common::resilience::CircuitBreaker> breaker)
    : config_(std::move(config)), breaker_(std::move(breaker)) {}

boost::asio::awaitable<common::Result<HttpPaymentGateway::Answer>> HttpPaymentGateway::post(
    std::string target, json::object body, std::string idempotency_key) {
  http::Request request{http::Verb::post, target, 11};
  request.set(http::beast_http::field::content_type, "application/json");
  if (!idempotency_key.empty()) request.set("Idempotency-Key", idempotency_key);
  request.body() = json::serialize(body);
  co_return co_await send(std::move(request));
}

boost::asio::awaitable<common::Result<HttpPaymentGateway::Answer>> HttpPaymentGateway::send(
    http::Request request) {
  if (!breaker_->allow()) {
    co_return Error::unavailable("the payment provider is unavailable (breaker open)");
  }
  request.set(http::beast_http::field::authorization, "Bearer " + config_.api_key);
  auto response = co_await http::fetch(config_.endpoint, std::move(request), config_.timeout);
  if (!response || response->result_int() >= 500) {
    breaker_->record_failure();
    if (!response) co_return response.error();
    co_return Error::unavailable("the payment provider failed with " +
                                 std::to_string(response->result_int()));
  }
  breaker_->record_success();
  boost::system::error_code ec;
  auto parsed = json::parse(response->body(), ec);
  if (ec || !parsed.is_object()) co_return Error::unavailable("unreadable payment provider answer");
  co_return Answer{static_cast<int>(response->result_int()), std::move(parsed.as_object())};
}

boost::asio::awaitable<common::Result<models::CardToken>> HttpPaymentGateway::tokenize(
    const models::CardDetails& card) {
  json::object body{{"card", json::object{{"number", card.number},
                                          {"exp_month", card.exp_month},
                                          {"exp_year", card.exp_year},
                                          {"cvc", card.cvc}}}};
  auto answer = co_await post("/v1/payment_methods", std::move(body), "");
  if (!answer) co_return answer.error();
  if (answer->status == 201 || answer->status == 200) {
    const auto& card_details = object_at(answer->body, "card");
    co_return models::CardToken{text(answer->body, "id"), text(card_details, "brand"),
                                text(card_details, "last4")};
  }
  const auto& error = object_at(answer->body, "error");
  if (answer->status == 402) {
    std::vector<common::FieldError> refused{
        {card_field(text(error, "param")), text(error, "message")}};
    co_return Error::validation(std::move(refused));
  }
  co_return Error::internal("the payment provider refused the card: " + text(error, "message"));
}

boost::asio::awaitable<common::Result<ChargeOutcome>> HttpPaymentGateway::charge(
    const models::Order& order) {
  json::object body{{"amount", order.total_cents},
                    {"currency", lowercase(order.currency)},
                    {"payment_method", order.card.token},
                    {"description", "Shop order " + order.id},
                    {"metadata", json::object{{"order_id", order.id}}}};
  auto answer = co_await post("/v1/charges", std::move(body), "order-" + order.id + "-charge");
  if (!answer) co_return answer.error();
  if (answer->status == 201 || answer->status == 200) {
    co_return ChargeOutcome{true, text(answer->body, "id"), {}};
  }
  const auto& error = object_at(answer->body, "error");
  if (answer->status == 402) {
    const auto decline = text(error, "decline_code");
    const auto reason =
        decline.empty() || decline == "generic_decline" ? text(error, "code") : decline;
    co_return ChargeOutcome{false, text(error, "charge"), reason};
  }
  if (answer->status == 409) {
    co_return Error::unavailable("the payment provider is still working on this charge");
  }
  co_return Error::internal("the payment provider refused the charge: " + text(error, "message"));
}

boost::asio::awaitable<common::Result<void>> HttpPaymentGateway::refund(
    const models::Order& order) {
  json::object body{{"charge", order.charge_id}};
  auto answer = co_await post("/v1/refunds", std::move(body), "order-" + order.id + "-refund");
  if (!answer) co_return answer.error();
  if (answer->status == 201 || answer->status == 200) co_return common::Result<void>{};
  const auto& error = object_at(answer->body, "error");
  // Refunded already (by an earlier attempt whose answer was lost): done.
  if (text(error, "code") == "charge_already_refunded") co_return common::Result<void>{};
  if (answer->status == 409) {
    co_return Error::unavailable("the payment provider is still working on this refund");
  }
  co_return Error::internal("the payment provider refused the refund: " + text(error, "message"));
}

boost::asio::awaitable<common::Result<std::optional<std::string>>> HttpPaymentGateway::find_charge(
    const models::Order& order) {
  http::Request request{http::Verb::get, "/v1/charges?order_id=" + order.id, 11};
  auto answer = co_await send(std::move(request));
  if (!answer) co_return answer.error();
  if (answer->status != 200)
    co_return Error::unavailable("the payment provider cannot list charges");
  for (const auto& charge : array_at(answer->body, "data")) {
    if (charge.is_object() && text(charge.as_object(), "status") == "succeeded") {
      co_return std::optional<std::string>(text(charge.as_object(), "id"));
    }
  }
  co_return std::optional<std::string>{};
}

}  // namespace shop::order::clients
