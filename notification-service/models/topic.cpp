#include "models/topic.hpp"

#include <string_view>

#include "common/json_values.hpp"

namespace shop::notification::models {
namespace {

using common::text;

// The order states a customer hears about, and the message for each.
const char* template_for_status(std::string_view status) {
  if (status == "CONFIRMED") return templates::kOrderConfirmed;
  if (status == "WAITLISTED") return templates::kOrderWaitlisted;
  if (status == "SHIPPED") return templates::kOrderShipped;
  if (status == "DELIVERED") return templates::kOrderDelivered;
  return nullptr;
}

Topic order_topic(const common::mq::CloudEvent& event, const char* template_name) {
  return Topic{.template_name = template_name,
               .user_ids = users_concerned(event),
               .order_id = text(event.data, "order_id"),
               .reason = text(event.data, "reason"),
               .amount_cents = common::integer(event.data, "amount_cents"),
               .currency = text(event.data, "currency")};
}

}  // namespace

std::vector<std::string> users_concerned(const common::mq::CloudEvent& event) {
  std::vector<std::string> users;
  if (auto user = text(event.data, "user_id"); !user.empty()) users.push_back(std::move(user));
  for (const auto& waiting : common::array_at(event.data, "waitlist_user_ids")) {
    if (waiting.is_string()) users.emplace_back(waiting.as_string());
  }
  return users;
}

std::optional<Topic> topic_of(const common::mq::CloudEvent& event) {
  const std::string_view type = event.type;
  if (type == "user.registered") {
    return Topic{.template_name = templates::kWelcome, .user_ids = users_concerned(event)};
  }
  if (type == "order.status_changed") {
    const auto* name = template_for_status(text(event.data, "to_status"));
    if (name == nullptr) return std::nullopt;
    return order_topic(event, name);
  }
  if (type == "order.cancelled") return order_topic(event, templates::kOrderCancelled);
  if (type == "payment.failed") return order_topic(event, templates::kPaymentFailed);
  if (type == "product.back_in_stock") {
    auto topic = Topic{.template_name = templates::kBackInStock,
                       .user_ids = users_concerned(event),
                       .product_id = text(event.data, "product_id")};
    if (topic.user_ids.empty()) return std::nullopt;
    return topic;
  }
  return std::nullopt;
}

}  // namespace shop::notification::models
