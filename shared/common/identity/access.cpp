#include "common/identity/access.hpp"

namespace shop::common::identity {

boost::asio::awaitable<Result<auth::Claims>> require_customer(Authenticator& authenticator,
                                                              const grpc_glue::CallContext& call) {
  co_return co_await authenticator.verify(call.bearer_token, call);
}

boost::asio::awaitable<Result<auth::Claims>> require_admin(Authenticator& authenticator,
                                                           const grpc_glue::CallContext& call) {
  auto claims = co_await require_customer(authenticator, call);
  if (!claims) co_return claims.error();
  if (!is_admin(*claims)) co_return Error::forbidden("admins only");
  co_return claims;
}

bool is_admin(const auth::Claims& claims) { return claims.has_role(kAdminRole); }

}  // namespace shop::common::identity
