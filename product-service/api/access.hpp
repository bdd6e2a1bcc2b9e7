#pragma once
// Who may call: the gateway checked the token already, and product-service checks it
// again for its own admin and customer methods rather than trust the network.

#include "api/deps.hpp"
#include "common/auth/jwt.hpp"
#include "common/grpc/call_context.hpp"

namespace shop::product::api {

Task<common::auth::Claims> require_customer(const Deps& deps,
                                            const common::grpc_glue::CallContext& call);
// kForbidden for a valid token without the admin role.
Task<common::auth::Claims> require_admin(const Deps& deps,
                                         const common::grpc_glue::CallContext& call);

}  // namespace shop::product::api
