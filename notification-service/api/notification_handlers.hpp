#pragma once
// GET /api/v1/notifications: the caller's history on every channel.

#include "api/deps.hpp"
#include "common/grpc/call_context.hpp"
#include "proto/notification.pb.h"

namespace shop::notification::api {

namespace v1 = notification::v1;

Task<v1::NotificationList> list_notifications(const Deps& deps,
                                              const v1::ListNotificationsRequest& request,
                                              common::grpc_glue::CallContext call);

}  // namespace shop::notification::api
