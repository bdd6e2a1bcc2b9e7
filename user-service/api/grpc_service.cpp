#include "api/grpc_service.hpp"

#include "api/auth_handlers.hpp"
#include "api/profile_handlers.hpp"
#include "api/token_handlers.hpp"
#include "common/grpc/unary.hpp"

namespace shop::user::api {

using common::grpc_glue::CallContext;
using common::grpc_glue::serve_unary;
using Reactor = grpc::ServerUnaryReactor;

Reactor* UserGrpcService::Register(grpc::CallbackServerContext* context,
                                   const v1::RegisterRequest* request, v1::User* response) {
  return serve_unary(
      "Register", context, response, executor_,
      [deps = deps_, request](const CallContext&) { return register_user(*deps, *request); });
}

Reactor* UserGrpcService::Login(grpc::CallbackServerContext* context,
                                const v1::LoginRequest* request, v1::TokenPair* response) {
  return serve_unary(
      "Login", context, response, executor_,
      [deps = deps_, request](const CallContext&) { return login(*deps, *request); });
}

Reactor* UserGrpcService::Refresh(grpc::CallbackServerContext* context,
                                  const v1::RefreshRequest* request, v1::TokenPair* response) {
  return serve_unary(
      "Refresh", context, response, executor_,
      [deps = deps_, request](const CallContext&) { return refresh(*deps, *request); });
}

Reactor* UserGrpcService::Logout(grpc::CallbackServerContext* context,
                                 const v1::LogoutRequest* request,
                                 google::protobuf::Empty* response) {
  return serve_unary(
      "Logout", context, response, executor_,
      [deps = deps_, request](const CallContext&) { return logout(*deps, *request); });
}

Reactor* UserGrpcService::GetMe(grpc::CallbackServerContext* context, const v1::GetMeRequest*,
                                v1::User* response) {
  return serve_unary("GetMe", context, response, executor_,
                     [deps = deps_](CallContext call) { return get_me(*deps, std::move(call)); });
}

Reactor* UserGrpcService::UpdateMe(grpc::CallbackServerContext* context,
                                   const v1::UpdateMeRequest* request, v1::User* response) {
  return serve_unary("UpdateMe", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return update_me(*deps, *request, std::move(call));
                     });
}

Reactor* UserGrpcService::GetJwks(grpc::CallbackServerContext* context, const v1::GetJwksRequest*,
                                  v1::Jwks* response) {
  return serve_unary("GetJwks", context, response, executor_,
                     [deps = deps_](const CallContext&) { return get_jwks(*deps); });
}

Reactor* UserGrpcService::GetUser(grpc::CallbackServerContext* context,
                                  const v1::GetUserRequest* request, v1::User* response) {
  return serve_unary("GetUser", context, response, executor_,
                     [deps = deps_, request](CallContext call) {
                       return get_user(*deps, *request, std::move(call));
                     });
}

Reactor* UserGrpcService::VerifyToken(grpc::CallbackServerContext* context,
                                      const v1::VerifyTokenRequest* request,
                                      v1::TokenClaims* response) {
  return serve_unary(
      "VerifyToken", context, response, executor_,
      [deps = deps_, request](const CallContext&) { return verify_token(*deps, *request); });
}

}  // namespace shop::user::api
