#include "api/profile_handlers.hpp"

#include "api/conversions.hpp"
#include "api/token_handlers.hpp"
#include "common/grpc/postal_address.hpp"
#include "models/validation.hpp"

namespace shop::user::api {

using common::Error;

Task<v1::User> get_me(const Deps& deps, common::grpc_glue::CallContext call) {
  auto claims = authenticate(deps, call.bearer_token);
  if (!claims) co_return claims.error();
  auto user = co_await deps.users->find_by_id(claims->subject);
  if (!user) co_return user.error();
  co_return to_proto(*user);
}

Task<v1::User> update_me(const Deps& deps, const v1::UpdateMeRequest& request,
                         common::grpc_glue::CallContext call) {
  auto claims = authenticate(deps, call.bearer_token);
  if (!claims) co_return claims.error();
  models::ProfileChange change;
  if (request.has_name()) change.name = request.name();
  if (request.has_shipping_address())
    change.shipping_address = common::grpc_glue::from_proto(request.shipping_address());
  if (auto errors = models::validate_profile_change(change); !errors.empty()) {
    co_return Error::validation(std::move(errors));
  }
  auto user = co_await deps.users->update_profile(claims->subject, change);
  if (!user) co_return user.error();
  co_return to_proto(*user);
}

Task<v1::User> get_user(const Deps& deps, const v1::GetUserRequest& request,
                        common::grpc_glue::CallContext call) {
  auto claims = authenticate(deps, call.bearer_token);
  if (!claims) co_return claims.error();
  if (claims->subject != request.id() && !claims->has_role(models::kAdminRole)) {
    co_return Error::not_found("no such user");
  }
  if (!models::is_uuid(request.id())) co_return Error::not_found("no such user");
  auto user = co_await deps.users->find_by_id(request.id());
  if (!user) co_return user.error();
  co_return to_proto(*user);
}

}  // namespace shop::user::api
