#pragma once
// /api/v1/push: the VAPID key browsers subscribe with, and the caller's subscriptions.

#include <google/protobuf/empty.pb.h>
#include "api/deps.hpp"
#include "common/grpc/call_context.hpp"

#include "proto/notification.pb.h"

namespace shop::notification::api {

namespace v1 = notification::v1;

Task<v1::PushKey> push_key(const Deps& deps);
Task<v1::PushSubscription> create_push_subscription(const Deps& deps,
                                                    const v1::PushSubscriptionRequest& request,
                                                    common::grpc_glue::CallContext call);
Task<google::protobuf::Empty> delete_push_subscription(
    const Deps& deps, const v1::DeletePushSubscriptionRequest& request,
    common::grpc_glue::CallContext call);

}  // namespace shop::notification::api
