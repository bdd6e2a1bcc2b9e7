#pragma once
// product-service's events go into the shared transactional outbox (common/mq), from
// which the relay publishes them to the broker.

#include <memory>

#include "repository/event_outbox.hpp"

namespace shop::product::repository {

inline constexpr const char* kEventSource = "/product-service";

std::shared_ptr<EventOutbox> make_event_outbox();

}  // namespace shop::product::repository
