#pragma once
// Register, log in, refresh and log out: one function per RPC.

#include <google/protobuf/empty.pb.h>

#include "api/deps.hpp"
#include "proto/user.pb.h"

namespace shop::user::api {

Task<v1::User> register_user(const Deps& deps, const v1::RegisterRequest& request);
Task<v1::TokenPair> login(const Deps& deps, const v1::LoginRequest& request);
Task<v1::TokenPair> refresh(const Deps& deps, const v1::RefreshRequest& request);
Task<google::protobuf::Empty> logout(const Deps& deps, const v1::LogoutRequest& request);

}  // namespace shop::user::api
