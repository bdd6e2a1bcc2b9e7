#pragma once
// The VAPID private key every replica signs with: the first replica to start stores one,
// the others (and later starts) read it, so subscriptions survive restarts.

#include <boost/asio/awaitable.hpp>

#include <string>

#include "common/db/pool.hpp"
#include "common/errors.hpp"

namespace shop::notification::repository {

// Stores `candidate` (base64url scalar) unless a key is stored already; the stored key.
boost::asio::awaitable<common::Result<std::string>> load_or_store_vapid_key(
    common::db::Pool& pool, const std::string& candidate);

}  // namespace shop::notification::repository
