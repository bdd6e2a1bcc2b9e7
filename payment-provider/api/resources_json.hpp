#pragma once
// The API's JSON rendering of payment methods, charges and refunds. The card number
// never leaves the provider: a payment method shows its brand and last four digits.

#include <boost/json/object.hpp>

#include <vector>

#include "models/payment.hpp"

namespace shop::payment::api {

boost::json::object payment_method_json(const models::PaymentMethod& method);
boost::json::object charge_json(const models::Charge& charge);
boost::json::object refund_json(const models::Refund& refund);
// {"object": "list", "data": [...], "has_more": false, "url": ...}
boost::json::object charge_list_json(const std::vector<models::Charge>& charges);

}  // namespace shop::payment::api
