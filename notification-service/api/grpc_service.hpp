#pragma once
// The gRPC face of notification-service: each RPC forwards to its handler function.

#include <boost/asio/any_io_executor.hpp>

#include "api/deps.hpp"
#include "proto/notification.grpc.pb.h"

namespace shop::notification::api {

class NotificationGrpcService final
    : public notification::v1::NotificationService::CallbackService {
 public:
  NotificationGrpcService(boost::asio::any_io_executor executor, std::shared_ptr<const Deps> deps)
      : executor_(std::move(executor)), deps_(std::move(deps)) {}

  // notification::v1::NotificationService::CallbackService
  grpc::ServerUnaryReactor* ListNotifications(
      grpc::CallbackServerContext* context,
      const notification::v1::ListNotificationsRequest* request,
      notification::v1::NotificationList* response) override;
  grpc::ServerUnaryReactor* CreateWebhook(grpc::CallbackServerContext* context,
                                          const notification::v1::CreateWebhookRequest* request,
                                          notification::v1::Webhook* response) override;
  grpc::ServerUnaryReactor* ListWebhooks(grpc::CallbackServerContext* context,
                                         const notification::v1::ListWebhooksRequest* request,
                                         notification::v1::WebhookList* response) override;
  grpc::ServerUnaryReactor* GetWebhook(grpc::CallbackServerContext* context,
                                       const notification::v1::WebhookRequest* request,
                                       notification::v1::Webhook* response) override;
  grpc::ServerUnaryReactor* DeleteWebhook(grpc::CallbackServerContext* context,
                                          const notification::v1::WebhookRequest* request,
                                          google::protobuf::Empty* response) override;
  grpc::ServerUnaryReactor* ListWebhookDeliveries(
      grpc::CallbackServerContext* context, const notification::v1::WebhookRequest* request,
      notification::v1::WebhookDeliveryList* response) override;
  grpc::ServerUnaryReactor* GetPushKey(grpc::CallbackServerContext* context,
                                       const notification::v1::GetPushKeyRequest* request,
                                       notification::v1::PushKey* response) override;
  grpc::ServerUnaryReactor* CreatePushSubscription(
      grpc::CallbackServerContext* context,
      const notification::v1::PushSubscriptionRequest* request,
      notification::v1::PushSubscription* response) override;
  grpc::ServerUnaryReactor* DeletePushSubscription(
      grpc::CallbackServerContext* context,
      const notification::v1::DeletePushSubscriptionRequest* request,
      google::protobuf::Empty* response) override;
  grpc::ServerUnaryReactor* ReplayEvents(grpc::CallbackServerContext* context,
                                         const notification::v1::ReplayEventsRequest* request,
                                         notification::v1::ReplayEventsResult* response) override;

 private:
  boost::asio::any_io_executor executor_;
  std::shared_ptr<const Deps> deps_;
};

}  // namespace shop::notification::api
