#pragma once
// Gives the stock of abandoned reservations back: every `interval`, releases each
// reservation past its expiry (several replicas may sweep side by side: each
// reservation is taken by one of them, SKIP LOCKED).

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <memory>

#include "repository/inventory_repository.hpp"

namespace shop::product::jobs {

// Runs until the executor stops.
boost::asio::awaitable<void> sweep_expired_reservations(
    std::shared_ptr<repository::InventoryRepository> inventory, std::chrono::milliseconds interval);

}  // namespace shop::product::jobs
