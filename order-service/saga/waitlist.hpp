#pragma once
// Serves WAITLISTED orders when stock comes back, first come first served: for each
// order holding the product, oldest first, the order goes back to PENDING and the saga
// runs (reserve, charge with the card token kept since the order was placed, confirm
// or cancel). The first order that is short again stays WAITLISTED and stops the
// round, so a later order never takes stock an earlier one is waiting for.
//
// Driven by product-service's events (product.back_in_stock, and releases and returns
// that give stock back). Running a round twice is harmless: it only ever moves orders
// that are still waitlisted, and every saga step is idempotent.

#include <boost/asio/awaitable.hpp>

#include <memory>
#include <string>
#include <vector>

#include "common/mq/consumer.hpp"
#include "saga/saga_runner.hpp"

namespace shop::order::saga {

inline constexpr std::string_view kWaitlistQueue = "order-service.waitlist";
// The events that can give stock back.
std::vector<std::string> waitlist_bindings();

// The number of orders served (confirmed or cancelled) for `product_id`.
Task<std::size_t> serve_waitlist(SagaRunner& runner, repository::OrderStore& orders,
                                 const std::string& product_id);

// The products an event gives stock back to: its product_id, or its items' product ids.
std::vector<std::string> products_in(const common::mq::CloudEvent& event);

common::mq::EventHandler make_waitlist_handler(std::shared_ptr<SagaRunner> runner,
                                               std::shared_ptr<repository::OrderStore> orders);

}  // namespace shop::order::saga
