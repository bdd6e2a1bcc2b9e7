#pragma once
// Who may call a service method: the gateway checked the token already, and services
// check it again for their own customer and admin methods rather than trust the network.

#include <boost/asio/awaitable.hpp>

#include "common/auth/jwt.hpp"
#include "common/errors.hpp"
#include "common/grpc/call_context.hpp"
#include "common/identity/authenticator.hpp"

namespace shop::common::identity {

inline constexpr std::string_view kAdminRole = "admin";

boost::asio::awaitable<Result<auth::Claims>> require_customer(Authenticator& authenticator,
                                                              const grpc_glue::CallContext& call);
// kForbidden for a valid token without the admin role.
boost::asio::awaitable<Result<auth::Claims>> require_admin(Authenticator& authenticator,
                                                           const grpc_glue::CallContext& call);
bool is_admin(const auth::Claims& claims);

}  // namespace shop::common::identity
