#include "common/grpc/postal_address.hpp"

namespace shop::common::grpc_glue {

api::PostalAddress to_proto(const PostalAddress& address) {
  api::PostalAddress out;
  out.set_name(address.name);
  out.set_line1(address.line1);
  out.set_line2(address.line2);
  out.set_city(address.city);
  out.set_postal_code(address.postal_code);
  out.set_country(address.country);
  return out;
}

PostalAddress from_proto(const api::PostalAddress& address) {
  return {address.name(), address.line1(),       address.line2(),
          address.city(), address.postal_code(), address.country()};
}

}  // namespace shop::common::grpc_glue
