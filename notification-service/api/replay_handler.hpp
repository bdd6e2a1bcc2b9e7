#pragma once
// POST /api/v1/admin/events/replay (admin): re-publishes archived events of a time range.

#include "api/deps.hpp"
#include "common/grpc/call_context.hpp"
#include "proto/notification.pb.h"

namespace shop::notification::api {

namespace v1 = notification::v1;

Task<v1::ReplayEventsResult> replay_events(const Deps& deps, const v1::ReplayEventsRequest& request,
                                           common::grpc_glue::CallContext call);

}  // namespace shop::notification::api
