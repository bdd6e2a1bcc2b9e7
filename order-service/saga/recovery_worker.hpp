#pragma once
// Resumes sagas that nobody is running any more: an order-service killed half-way, a
// dependency that was down, a payment whose answer was lost. Every interval it takes
// the orders whose projection says a step is left and that have not changed for an
// interval, and advances each. Safe with several replicas: every step is idempotent
// and the order log settles races.

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <memory>

#include "saga/saga_runner.hpp"

namespace shop::order::saga {

boost::asio::awaitable<void> resume_stalled_sagas(std::shared_ptr<SagaRunner> runner,
                                                  std::shared_ptr<repository::OrderStore> orders,
                                                  std::chrono::milliseconds interval);

}  // namespace shop::order::saga
