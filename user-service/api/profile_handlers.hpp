#pragma once
// The caller's own profile, and user look-ups for other services. The call context is
// taken by value: these coroutines start lazily, after the caller's copy is gone.

#include "api/deps.hpp"
#include "common/grpc/call_context.hpp"
#include "proto/user.pb.h"

namespace shop::user::api {

Task<v1::User> get_me(const Deps& deps, common::grpc_glue::CallContext call);
Task<v1::User> update_me(const Deps& deps, const v1::UpdateMeRequest& request,
                         common::grpc_glue::CallContext call);
Task<v1::User> get_user(const Deps& deps, const v1::GetUserRequest& request,
                        common::grpc_glue::CallContext call);

}  // namespace shop::user::api
