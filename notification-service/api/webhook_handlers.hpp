#pragma once
// /api/v1/webhooks: one function per RPC. Each caller sees only their own webhooks.

#include <google/protobuf/empty.pb.h>
#include "api/deps.hpp"
#include "common/grpc/call_context.hpp"

#include "proto/notification.pb.h"

namespace shop::notification::api {

namespace v1 = notification::v1;

Task<v1::Webhook> create_webhook(const Deps& deps, const v1::CreateWebhookRequest& request,
                                 common::grpc_glue::CallContext call);
Task<v1::WebhookList> list_webhooks(const Deps& deps, common::grpc_glue::CallContext call);
Task<v1::Webhook> get_webhook(const Deps& deps, const v1::WebhookRequest& request,
                              common::grpc_glue::CallContext call);
Task<google::protobuf::Empty> delete_webhook(const Deps& deps, const v1::WebhookRequest& request,
                                             common::grpc_glue::CallContext call);
Task<v1::WebhookDeliveryList> list_webhook_deliveries(const Deps& deps,
                                                      const v1::WebhookRequest& request,
                                                      common::grpc_glue::CallContext call);

}  // namespace shop::notification::api
