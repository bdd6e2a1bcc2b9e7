#pragma once
// Public keys and token checks, for the gateway and other services.

#include "api/deps.hpp"
#include "common/grpc/call_context.hpp"
#include "proto/user.pb.h"

namespace shop::user::api {

Task<v1::Jwks> get_jwks(const Deps& deps);
Task<v1::TokenClaims> verify_token(const Deps& deps, const v1::VerifyTokenRequest& request);

// The verified claims of the caller's access token (kUnauthenticated otherwise).
common::Result<common::auth::Claims> authenticate(const Deps& deps, std::string_view token);

}  // namespace shop::user::api
