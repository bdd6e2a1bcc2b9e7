#include "api/resources_json.hpp"

#include <boost/json/array.hpp>

namespace shop::payment::api {
namespace {

boost::json::value text_or_null(const std::string& text) {
  if (text.empty()) return nullptr;
  return boost::json::value(text);
}

}  // namespace

boost::json::object payment_method_json(const models::PaymentMethod& method) {
  const auto& card = method.card;
  return {{"id", method.id},
          {"object", "payment_method"},
          {"type", "card"},
          {"card",
           {{"brand", card.brand},
            {"last4", card.last4},
            {"exp_month", card.exp_month},
            {"exp_year", card.exp_year}}},
          {"created", method.created}};
}

boost::json::object charge_json(const models::Charge& charge) {
  const bool succeeded = charge.status == models::ChargeStatus::kSucceeded;
  return {{"id", charge.id},
          {"object", "charge"},
          {"amount", charge.amount},
          {"currency", charge.currency},
          {"status", models::status_name(charge.status)},
          {"paid", succeeded},
          {"payment_method", charge.payment_method},
          {"description", charge.description ? boost::json::value(*charge.description) : nullptr},
          {"metadata", models::to_json(charge.metadata)},
          {"created", charge.created},
          {"refunded", charge.refunded()},
          {"amount_refunded", charge.amount_refunded},
          {"failure_code", text_or_null(charge.failure_code)},
          {"failure_message", text_or_null(charge.failure_message)},
          {"outcome",
           {{"type", succeeded ? "authorized" : "issuer_declined"},
            {"reason", text_or_null(charge.decline_code)}}}};
}

boost::json::object refund_json(const models::Refund& refund) {
  return {{"id", refund.id},          {"object", "refund"},          {"charge", refund.charge},
          {"amount", refund.amount},  {"currency", refund.currency}, {"status", "succeeded"},
          {"created", refund.created}};
}

boost::json::object charge_list_json(const std::vector<models::Charge>& charges) {
  boost::json::array data;
  data.reserve(charges.size());
  for (const auto& charge : charges) data.push_back(charge_json(charge));
  return {
      {"object", "list"}, {"data", std::move(data)}, {"has_more", false}, {"url", "/v1/charges"}};
}

}  // namespace shop::payment::api
