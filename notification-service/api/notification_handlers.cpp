#include "api/notification_handlers.hpp"

#include "common/identity/access.hpp"

namespace shop::notification::api {
namespace {

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 200;

}  // namespace

Task<v1::NotificationList> list_notifications(const Deps& deps,
                                              const v1::ListNotificationsRequest& request,
                                              common::grpc_glue::CallContext call) {
  auto claims = co_await common::identity::require_customer(*deps.authenticator, call);
  if (!claims) co_return claims.error();
  const int limit = request.limit() == 0 ? kDefaultLimit : request.limit();
  if (limit < 1 || limit > kMaxLimit) {
    co_return common::Error::validation({{"limit", "must be between 1 and 200"}});
  }
  auto records = co_await deps.subscriptions->notifications_of(claims->subject, limit);
  if (!records) co_return records.error();
  v1::NotificationList list;
  for (const auto& record : *records) {
    auto& item = *list.add_notifications();
    item.set_id(record.id);
    item.set_channel(record.channel);
    item.set_type(record.event_type);
    item.set_template_(record.template_name);
    item.set_status(record.status);
    item.set_order_id(record.order_id);
    item.set_created_at(record.created_at);
    item.set_sent_at(record.sent_at);
    item.set_attempts(static_cast<std::int32_t>(record.attempts));
  }
  co_return list;
}

}  // namespace shop::notification::api
