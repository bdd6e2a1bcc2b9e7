#pragma once
// Runs a saga on its own and waits a bounded time for it: the caller answers with the
// settled order when the saga finished in time, and with the order as it stands
// otherwise, while the saga carries on (the run is never cut short half-way through a
// step).

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "saga/saga_runner.hpp"

namespace shop::order::saga {

// nullopt when `wait` passed first. The run uses `call`'s request id and trace but not
// its deadline, which belongs to the caller's request.
Task<std::optional<models::Order>> advance_within(std::shared_ptr<SagaRunner> runner,
                                                  std::string order_id,
                                                  const common::grpc_glue::CallContext& call,
                                                  std::chrono::milliseconds wait);

}  // namespace shop::order::saga
