#pragma once
// The deliveries table seen by the channel workers: claim what is due, record each
// attempt, settle. A claim leases the row (its next attempt moves past the lease), so a
// worker that dies mid-send leaves the delivery to be tried again once the lease ends,
// and replicas never send the same delivery at the same time.

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/db/pool.hpp"
#include "common/errors.hpp"

namespace shop::notification::repository {

template <class T>
using Task = boost::asio::awaitable<common::Result<T>>;

struct ClaimedDelivery {
  std::string id{};
  std::string user_id{};
  std::string channel{};
  std::string target{};
  std::string event_id{};
  std::string event_type{};
  std::string subject{};
  std::string body{};
  std::string html{};
  int attempt = 1;  // the number of the attempt about to be made
  std::int64_t created_at_unix = 0;
};

struct AttemptOutcome {
  int status_code = 0;
  std::string error{};
  std::chrono::milliseconds duration{0};
};

class DeliveryQueue {
 public:
  explicit DeliveryQueue(std::shared_ptr<common::db::Pool> pool) : pool_(std::move(pool)) {}

  Task<std::vector<ClaimedDelivery>> claim_due(const std::string& channel, std::int64_t limit,
                                               std::chrono::seconds lease);
  Task<void> record_attempt(const ClaimedDelivery& delivery, const AttemptOutcome& attempt);
  Task<void> mark_sent(const std::string& delivery_id);
  Task<void> retry_in(const std::string& delivery_id, std::chrono::milliseconds delay,
                      const std::string& error);
  Task<void> mark_failed(const std::string& delivery_id, const std::string& error);

 private:
  std::shared_ptr<common::db::Pool> pool_;
};

}  // namespace shop::notification::repository
