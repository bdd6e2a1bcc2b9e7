#include "api/webhook_handlers.hpp"

#include "common/identity/access.hpp"
#include "common/runtime/blocking.hpp"
#include "models/event_types.hpp"
#include "webhook/signature.hpp"
#include "webhook/target_guard.hpp"

namespace shop::notification::api {
namespace {

constexpr std::size_t kMaxUrlBytes = 2048;
constexpr std::int64_t kDeliveriesShown = 100;

v1::Webhook to_proto(const repository::Webhook& webhook) {
  v1::Webhook message;
  message.set_id(webhook.id);
  message.set_url(webhook.url);
  for (const auto& type : webhook.event_types) message.add_events(type);
  message.set_enabled(webhook.enabled);
  message.set_disabled_reason(webhook.disabled_reason);
  message.set_created_at(webhook.created_at);
  return message;
}

std::vector<common::FieldError> event_problems(const v1::CreateWebhookRequest& request) {
  if (request.events().empty()) return {{"events", "name at least one event type"}};
  for (const auto& type : request.events()) {
    if (!models::is_subscribable(type)) return {{"events", "unknown event type \"" + type + "\""}};
  }
  return {};
}

Task<void> check_url(const Deps& deps, const std::string& url) {
  if (url.empty()) co_return common::Error::validation({{"url", "is required"}});
  if (url.size() > kMaxUrlBytes)
    co_return common::Error::validation({{"url", "is longer than 2048 bytes"}});
  auto vetted = co_await webhook::vet_target(*deps.blocking, url, deps.allow_private_targets);
  if (!vetted) co_return vetted.error();
  co_return common::Result<void>{};
}

}  // namespace

Task<v1::Webhook> create_webhook(const Deps& deps, const v1::CreateWebhookRequest& request,
                                 common::grpc_glue::CallContext call) {
  auto claims = co_await common::identity::require_customer(*deps.authenticator, call);
  if (!claims) co_return claims.error();
  if (auto problems = event_problems(request); !problems.empty())
    co_return common::Error::validation(std::move(problems));
  auto checked = co_await check_url(deps, request.url());
  if (!checked) co_return checked.error();
  repository::NewWebhook webhook{.owner_id = claims->subject,
                                 .owner_is_admin = common::identity::is_admin(*claims),
                                 .url = request.url(),
                                 .event_types = {request.events().begin(), request.events().end()},
                                 .secret = webhook::generate_secret()};
  auto created = co_await deps.subscriptions->create_webhook(webhook);
  if (!created) co_return created.error();
  auto message = to_proto(*created);
  message.set_secret(created->secret);
  co_return message;
}

Task<v1::WebhookList> list_webhooks(const Deps& deps, common::grpc_glue::CallContext call) {
  auto claims = co_await common::identity::require_customer(*deps.authenticator, call);
  if (!claims) co_return claims.error();
  auto webhooks = co_await deps.subscriptions->webhooks_of(claims->subject);
  if (!webhooks) co_return webhooks.error();
  v1::WebhookList list;
  for (const auto& webhook : *webhooks) *list.add_webhooks() = to_proto(webhook);
  co_return list;
}

Task<v1::Webhook> get_webhook(const Deps& deps, const v1::WebhookRequest& request,
                              common::grpc_glue::CallContext call) {
  auto claims = co_await common::identity::require_customer(*deps.authenticator, call);
  if (!claims) co_return claims.error();
  auto webhook = co_await deps.subscriptions->webhook_of(claims->subject, request.id());
  if (!webhook) co_return webhook.error();
  co_return to_proto(*webhook);
}

Task<google::protobuf::Empty> delete_webhook(const Deps& deps, const v1::WebhookRequest& request,
                                             common::grpc_glue::CallContext call) {
  auto claims = co_await common::identity::require_customer(*deps.authenticator, call);
  if (!claims) co_return claims.error();
  auto deleted = co_await deps.subscriptions->delete_webhook(claims->subject, request.id());
  if (!deleted) co_return deleted.error();
  co_return google::protobuf::Empty{};
}

Task<v1::WebhookDeliveryList> list_webhook_deliveries(const Deps& deps,
                                                      const v1::WebhookRequest& request,
                                                      common::grpc_glue::CallContext call) {
  auto claims = co_await common::identity::require_customer(*deps.authenticator, call);
  if (!claims) co_return claims.error();
  auto webhook = co_await deps.subscriptions->webhook_of(claims->subject, request.id());
  if (!webhook) co_return webhook.error();
  auto deliveries = co_await deps.subscriptions->webhook_deliveries(webhook->id, kDeliveriesShown);
  if (!deliveries) co_return deliveries.error();
  v1::WebhookDeliveryList list;
  for (const auto& delivery : *deliveries) {
    auto& item = *list.add_deliveries();
    item.set_id(delivery.id);
    item.set_event_id(delivery.event_id);
    item.set_event_type(delivery.event_type);
    item.set_status(delivery.status);
    item.set_created_at(delivery.created_at);
    for (const auto& attempt : delivery.attempts) {
      auto& tried = *item.add_attempts();
      tried.set_status_code(static_cast<std::int32_t>(attempt.status_code));
      tried.set_error(attempt.error);
      tried.set_duration_ms(attempt.duration_ms);
      tried.set_attempted_at(attempt.attempted_at);
    }
  }
  co_return list;
}

}  // namespace shop::notification::api
