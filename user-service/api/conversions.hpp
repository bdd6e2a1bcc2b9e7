#pragma once
// Domain <-> protobuf for user-service messages.

#include "models/user.hpp"
#include "proto/user.pb.h"

namespace shop::user::api {

v1::User to_proto(const models::User& user);

}  // namespace shop::user::api
