#include "api/token_handlers.hpp"

#include <boost/json/parse.hpp>

namespace shop::user::api {

common::Result<common::auth::Claims> authenticate(const Deps& deps, std::string_view token) {
  if (token.empty()) return common::Error::unauthenticated("an access token is required");
  return deps.verified_tokens->verify(*deps.public_keys, token, common::auth::unix_now());
}

Task<v1::Jwks> get_jwks(const Deps& deps) {
  v1::Jwks jwks;
  const auto parsed = boost::json::parse(deps.public_keys->to_jwks());
  for (const auto& entry : parsed.at("keys").as_array()) {
    const auto& object = entry.as_object();
    auto* key = jwks.add_keys();
    key->set_kty(std::string(object.at("kty").as_string()));
    key->set_crv(std::string(object.at("crv").as_string()));
    key->set_x(std::string(object.at("x").as_string()));
    key->set_kid(std::string(object.at("kid").as_string()));
    key->set_alg(std::string(object.at("alg").as_string()));
    key->set_use(std::string(object.at("use").as_string()));
  }
  co_return jwks;
}

Task<v1::TokenClaims> verify_token(const Deps& deps, const v1::VerifyTokenRequest& request) {
  auto claims = authenticate(deps, request.access_token());
  if (!claims) co_return claims.error();
  v1::TokenClaims out;
  out.set_user_id(claims->subject);
  for (const auto& role : claims->roles) out.add_roles(role);
  out.set_expires_at(claims->expires_at);
  co_return out;
}

}  // namespace shop::user::api
