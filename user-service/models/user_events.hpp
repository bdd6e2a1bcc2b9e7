#pragma once
// The events user-service publishes (payloads in shared/proto/events.proto).

#include "common/mq/outbox.hpp"
#include "models/user.hpp"

namespace shop::user::models {

inline constexpr const char* kUserRegisteredEvent = "user.registered";

// user.registered (UserRegistered): what a welcome mail needs, and the contact details
// other services keep so they never have to ask user-service at delivery time.
common::mq::NewEvent user_registered(const User& user);

}  // namespace shop::user::models
