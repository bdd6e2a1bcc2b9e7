#pragma once
// What an event means to the people it concerns: which message to send and to whom.
// Pure rules, no I/O.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/mq/cloud_event.hpp"

namespace shop::notification::models {

// The messages customers get, by template name.
namespace templates {
inline constexpr const char* kWelcome = "welcome";
inline constexpr const char* kOrderConfirmed = "order_confirmed";
inline constexpr const char* kOrderWaitlisted = "order_waitlisted";
inline constexpr const char* kOrderShipped = "order_shipped";
inline constexpr const char* kOrderDelivered = "order_delivered";
inline constexpr const char* kOrderCancelled = "order_cancelled";
inline constexpr const char* kPaymentFailed = "payment_failed";
inline constexpr const char* kBackInStock = "back_in_stock";
}  // namespace templates

struct Topic {
  std::string template_name{};
  std::vector<std::string> user_ids{};  // whom it concerns
  std::string order_id{};               // empty when it is not about an order
  std::string product_id{};             // for back in stock
  std::string reason{};                 // why a payment failed or an order was cancelled
  std::int64_t amount_cents = 0;
  std::string currency{};
};

// nullopt for events no customer is told about (e.g. order.created: the confirmation
// follows once the payment went through).
std::optional<Topic> topic_of(const common::mq::CloudEvent& event);

// The users an event is about, for webhooks: data.user_id, or the waitlist of a
// back-in-stock event. Empty for events about no one in particular.
std::vector<std::string> users_concerned(const common::mq::CloudEvent& event);

}  // namespace shop::notification::models
