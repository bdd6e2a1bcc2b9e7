#include "api/grpc_service.hpp"

#include "api/notification_handlers.hpp"
#include "api/push_handlers.hpp"
#include "api/replay_handler.hpp"
#include "api/webhook_handlers.hpp"
#include "common/grpc/unary.hpp"

namespace shop::notification::api {

using common::grpc_glue::CallContext;
using common::grpc_glue::serve_unary;
using Reactor = grpc::ServerUnaryReactor;
namespace v1 = notification::v1;

Reactor* NotificationGrpcService::ListNotifications(grpc::CallbackServerContext* context,
                                                    const v1::ListNotificationsRequest* request,
                                                    v1::NotificationList* response) {
  return serve_unary("ListNotifications", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return list_notifications(*deps, *request, std::move(call));
                     });
}

Reactor* NotificationGrpcService::CreateWebhook(grpc::CallbackServerContext* context,
                                                const v1::CreateWebhookRequest* request,
                                                v1::Webhook* response) {
  return serve_unary("CreateWebhook", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return create_webhook(*deps, *request, std::move(call));
                     });
}

Reactor* NotificationGrpcService::ListWebhooks(grpc::CallbackServerContext* context,
                                               const v1::ListWebhooksRequest*,
                                               v1::WebhookList* response) {
  return serve_unary(
      "ListWebhooks", context, response, executor_,
      [deps = deps_](CallContext call) { return list_webhooks(*deps, std::move(call)); });
}

Reactor* NotificationGrpcService::GetWebhook(grpc::CallbackServerContext* context,
                                             const v1::WebhookRequest* request,
                                             v1::Webhook* response) {
  return serve_unary("GetWebhook", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return get_webhook(*deps, *request, std::move(call));
                     });
}

Reactor* NotificationGrpcService::DeleteWebhook(grpc::CallbackServerContext* context,
                                                const v1::WebhookRequest* request,
                                                google::protobuf::Empty* response) {
  return serve_unary("DeleteWebhook", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return delete_webhook(*deps, *request, std::move(call));
                     });
}

Reactor* NotificationGrpcService::ListWebhookDeliveries(grpc::CallbackServerContext* context,
                                                        const v1::WebhookRequest* request,
                                                        v1::WebhookDeliveryList* response) {
  return serve_unary("ListWebhookDeliveries", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return list_webhook_deliveries(*deps, *request, std::move(call));
                     });
}

Reactor* NotificationGrpcService::GetPushKey(grpc::CallbackServerContext* context,
                                             const v1::GetPushKeyRequest*, v1::PushKey* response) {
  return serve_unary("GetPushKey", context, response, executor_,
                     [deps = deps_](const CallContext&) { return push_key(*deps); });
}

Reactor* NotificationGrpcService::CreatePushSubscription(grpc::CallbackServerContext* context,
                                                         const v1::PushSubscriptionRequest* request,
                                                         v1::PushSubscription* response) {
  return serve_unary("CreatePushSubscription", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return create_push_subscription(*deps, *request, std::move(call));
                     });
}

Reactor* NotificationGrpcService::DeletePushSubscription(
    grpc::CallbackServerContext* context, const v1::DeletePushSubscriptionRequest* request,
    google::protobuf::Empty* response) {
  return serve_unary("DeletePushSubscription", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return delete_push_subscription(*deps, *request, std::move(call));
                     });
}

Reactor* NotificationGrpcService::ReplayEvents(grpc::CallbackServerContext* context,
                                               const v1::ReplayEventsRequest* request,
                                               v1::ReplayEventsResult* response) {
  return serve_unary("ReplayEvents", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return replay_events(*deps, *request, std::move(call));
                     });
}

}  // namespace shop::notification::api
