#pragma once
// Deletes Idempotency-Key records past their 24 hours every `interval` (they already
// count as absent; this keeps the table from growing without bound).

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <memory>

#include "repository/idempotency_repository.hpp"

namespace shop::payment::jobs {

// Runs until the executor stops.
boost::asio::awaitable<void> purge_expired_keys(
    std::shared_ptr<repository::IdempotencyRepository> keys, std::chrono::milliseconds interval);

}  // namespace shop::payment::jobs
