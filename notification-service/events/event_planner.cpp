#include "events/event_planner.hpp"

#include "common/json_values.hpp"
#include "common/observability/logger.hpp"
#include "models/rendering.hpp"
#include "models/topic.hpp"
#include "repository/planning_sql.hpp"

namespace shop::notification::events {
namespace {

namespace asio = boost::asio;
using common::mq::CloudEvent;
using common::mq::Outcome;
using repository::NewDelivery;

using Planned = common::Result<std::vector<NewDelivery>>;

NewDelivery delivery_of(const CloudEvent& event, const models::Topic& topic) {
  return NewDelivery{.event_id = event.id,
                     .event_type = event.type,
                     .template_name = topic.template_name,
                     .order_id = topic.order_id};
}

// The email and the pushes for each person the event concerns; nullopt in the result
// when someone's contact details have not arrived yet.
asio::awaitable<common::Result<std::optional<std::vector<NewDelivery>>>> personal_deliveries(
    common::db::Connection& tx, const CloudEvent& event, const models::Topic& topic) {
  using Found = std::optional<std::vector<NewDelivery>>;
  std::vector<NewDelivery> planned;
  for (const auto& user_id : topic.user_ids) {
    auto contact = co_await repository::find_contact(tx, user_id);
    if (!contact) co_return contact.error();
    if (!*contact) co_return Found{};
    const auto email = models::render_email(topic, (*contact)->name);
    auto mail = delivery_of(event, topic);
    mail.user_id = user_id;
    mail.channel = "email";
    mail.target = (*contact)->email;
    mail.subject = email.subject;
    mail.body = email.text;
    mail.html = email.html;
    planned.push_back(std::move(mail));
  }
  auto pushes = co_await repository::push_targets(tx, topic.user_ids);
  if (!pushes) co_return pushes.error();
  for (const auto& push : *pushes) {
    auto delivery = delivery_of(event, topic);
    delivery.user_id = push.user_id;
    delivery.channel = "push";
    delivery.target = push.subscription_id;
    delivery.body = models::render_push(topic);
    planned.push_back(std::move(delivery));
  }
  co_return Found{std::move(planned)};
}

asio::awaitable<Planned> webhook_deliveries(common::db::Connection& tx, const CloudEvent& event) {
  const auto users = models::users_concerned(event);
  auto hooks = co_await repository::webhook_targets(tx, event.type, users);
  if (!hooks) co_return hooks.error();
  std::vector<NewDelivery> planned;
  const auto body = common::mq::serialize(event);
  for (const auto& hook : *hooks) {
    planned.push_back(NewDelivery{.user_id = hook.owner_id,
                                  .channel = "webhook",
                                  .target = hook.webhook_id,
                                  .event_id = event.id,
                                  .event_type = event.type,
                                  .order_id = common::text(event.data, "order_id"),
                                  .body = body});
  }
  co_return planned;
}

asio::awaitable<common::Result<Outcome>> plan(const CloudEvent& event, common::db::Connection& tx) {
  auto fresh =
      co_await repository::advance_position(tx, event.source, event.subject, event.sequence);
  if (!fresh) co_return fresh.error();
  if (!*fresh) {
    common::obs::info("stale event ignored",
                      {{"event_id", event.id}, {"type", event.type}, {"sequence", event.sequence}});
    co_return Outcome::kSuccess;
  }
  if (event.type == "user.registered") {
    const repository::Contact contact{common::text(event.data, "user_id"),
                                      common::text(event.data, "email"),
                                      common::text(event.data, "name")};
    auto saved = co_await repository::save_contact(tx, contact);
    if (!saved) co_return saved.error();
  }
  std::vector<NewDelivery> planned;
  if (const auto topic = models::topic_of(event)) {
    auto personal = co_await personal_deliveries(tx, event, *topic);
    if (!personal) co_return personal.error();
    if (!*personal) {
      common::obs::info("contact not known yet; the event comes back later",
                        {{"event_id", event.id}, {"type", event.type}});
      co_return Outcome::kRetryLater;
    }
    planned = std::move(**personal);
  }
  auto hooks = co_await webhook_deliveries(tx, event);
  if (!hooks) co_return hooks.error();
  planned.insert(planned.end(), hooks->begin(), hooks->end());
  for (const auto& delivery : planned) {
    auto added = co_await repository::add_delivery(tx, delivery);
    if (!added) co_return added.error();
  }
  co_return Outcome::kSuccess;
}

}  // namespace

std::vector<std::string> planner_bindings() {
  return {"user.registered", "order.*", "payment.*", "product.back_in_stock", "stock.low"};
}

common::mq::TransactionalHandler make_event_planner() {
  return [](const common::mq::ReceivedEvent& received,
            common::db::Connection& tx) -> asio::awaitable<Outcome> {
    auto outcome = co_await plan(received.event, tx);
    if (outcome) co_return *outcome;
    common::obs::warn("planning notifications failed; the event comes back later",
                      {{"event_id", received.event.id}, {"error", outcome.error().detail}});
    co_return Outcome::kRetryLater;
  };
}

}  // namespace shop::notification::events
