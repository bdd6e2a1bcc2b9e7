#include "api/conversions.hpp"

namespace shop::user::api {

v1::User to_proto(const models::User& user) {
  v1::User out;
  out.set_id(user.id);
  out.set_email(user.email);
  out.set_name(user.name);
  for (const auto& role : user.roles) out.add_roles(role);
  out.set_created_at(user.created_at);
  if (user.shipping_address) {
    const auto& address = *user.shipping_address;
    auto* target = out.mutable_shipping_address();
    target->set_name(address.name);
    target->set_line1(address.line1);
    target->set_line2(address.line2);
    target->set_city(address.city);
    target->set_postal_code(address.postal_code);
    target->set_country(address.country);
  }
  return out;
}

models::Address from_proto(const v1::Address& address) {
  return {address.name(), address.line1(),       address.line2(),
          address.city(), address.postal_code(), address.country()};
}

}  // namespace shop::user::api
