#include "api/access.hpp"

namespace shop::product::api {

namespace {
constexpr std::string_view kAdminRole = "admin";
}  // namespace

Task<common::auth::Claims> require_customer(const Deps& deps,
                                            const common::grpc_glue::CallContext& call) {
  co_return co_await deps.authenticator->verify(call.bearer_token, call);
}

Task<common::auth::Claims> require_admin(const Deps& deps,
                                         const common::grpc_glue::CallContext& call) {
  auto claims = co_await require_customer(deps, call);
  if (!claims) co_return claims.error();
  if (!claims->has_role(kAdminRole)) co_return common::Error::forbidden("admins only");
  co_return claims;
}

}  // namespace shop::product::api
