#include "api/conversions.hpp"

#include "common/grpc/postal_address.hpp"

namespace shop::user::api {

v1::User to_proto(const models::User& user) {
  v1::User out;
  out.set_id(user.id);
  out.set_email(user.email);
  out.set_name(user.name);
  for (const auto& role : user.roles) out.add_roles(role);
  out.set_created_at(user.created_at);
  if (user.shipping_address) {
    *out.mutable_shipping_address() = common::grpc_glue::to_proto(*user.shipping_address);
  }
  return out;
}

}  // namespace shop::user::api
