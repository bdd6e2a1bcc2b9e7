#include "models/user_events.hpp"

namespace shop::user::models {

common::mq::NewEvent user_registered(const User& user) {
  return common::mq::NewEvent{.aggregate_type = "user",
                              .aggregate_id = user.id,
                              .type = kUserRegisteredEvent,
                              .data = {{"user_id", user.id},
                                       {"email", user.email},
                                       {"name", user.name},
                                       {"registered_at", user.created_at}}};
}

}  // namespace shop::user::models
