#pragma once
// The gRPC face of user-service: each RPC forwards to its handler function.

#include <boost/asio/any_io_executor.hpp>

#include "api/deps.hpp"
#include "proto/user.grpc.pb.h"

namespace shop::user::api {

class UserGrpcService final : public v1::UserService::CallbackService {
 public:
  UserGrpcService(boost::asio::any_io_executor executor, std::shared_ptr<const Deps> deps)
      : executor_(std::move(executor)), deps_(std::move(deps)) {}

  // v1::UserService::CallbackService
  grpc::ServerUnaryReactor* Register(grpc::CallbackServerContext* context,
                                     const v1::RegisterRequest* request,
                                     v1::User* response) override;
  grpc::ServerUnaryReactor* Login(grpc::CallbackServerContext* context,
                                  const v1::LoginRequest* request,
                                  v1::TokenPair* response) override;
  grpc::ServerUnaryReactor* Refresh(grpc::CallbackServerContext* context,
                                    const v1::RefreshRequest* request,
                                    v1::TokenPair* response) override;
  grpc::ServerUnaryReactor* Logout(grpc::CallbackServerContext* context,
                                   const v1::LogoutRequest* request,
                                   google::protobuf::Empty* response) override;
  grpc::ServerUnaryReactor* GetMe(grpc::CallbackServerContext* context,
                                  const v1::GetMeRequest* request, v1::User* response) override;
  grpc::ServerUnaryReactor* UpdateMe(grpc::CallbackServerContext* context,
                                     const v1::UpdateMeRequest* request,
                                     v1::User* response) override;
  grpc::ServerUnaryReactor* GetJwks(grpc::CallbackServerContext* context,
                                    const v1::GetJwksRequest* request, v1::Jwks* response) override;
  grpc::ServerUnaryReactor* GetUser(grpc::CallbackServerContext* context,
                                    const v1::GetUserRequest* request, v1::User* response) override;
  grpc::ServerUnaryReactor* VerifyToken(grpc::CallbackServerContext* context,
                                        const v1::VerifyTokenRequest* request,
                                        v1::TokenClaims* response) override;

 private:
  boost::asio::any_io_executor executor_;
  std::shared_ptr<const Deps> deps_;
};

}  // namespace shop::user::api
