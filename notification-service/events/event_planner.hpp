#pragma once
// Turns each event into the deliveries it implies (an email and a push per person it
// concerns, a webhook call per matching subscription) and stores them, inside the inbox
// transaction: a redelivered or replayed event plans nothing twice, and a stale one
// (at or below its aggregate's last sequence) plans nothing at all. Sending is the
// channel workers' job, so a mail relay outage never holds up the queue.

#include <string_view>
#include <vector>

#include "common/mq/inbox.hpp"

namespace shop::notification::events {

inline constexpr std::string_view kPlannerQueue = "notification-service.events";

std::vector<std::string> planner_bindings();

common::mq::TransactionalHandler make_event_planner();

}  // namespace shop::notification::events
