#pragma once
// The instances of one upstream service, called as one: each call goes to one of two
// instances drawn at random, the one with fewer calls in flight, skipping instances
// whose circuit breaker is open. Idempotent calls that find an instance unavailable
// are tried again on another one, with backoff and jitter, within the caller's deadline
// and the upstream's retry budget. The instance list can change at any time (service
// discovery); calls in flight keep the instance they started on.

#include <boost/asio/awaitable.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/grpc/unary_caller.hpp"
#include "common/resilience/backoff.hpp"
#include "common/resilience/circuit_breaker.hpp"
#include "common/resilience/random.hpp"
#include "common/resilience/retry_budget.hpp"

namespace shop::common::balancing {

struct InstanceAddress {
  std::string id;            // stable per instance, e.g. its registry id
  std::string grpc_address;  // host:port
  bool operator==(const InstanceAddress&) const = default;
};

struct PoolConfig {
  std::string upstream;  // e.g. "product-service": in errors and metrics
  resilience::CircuitBreakerConfig breaker{};
  resilience::BackoffConfig retry{.base = std::chrono::milliseconds(25),
                                  .cap = std::chrono::milliseconds(250),
                                  .max_attempts = 3};
  resilience::RetryBudgetConfig retry_budget{};
  int max_in_flight = 1024;  // calls across all instances; beyond it, UNAVAILABLE at once
};

class InstancePool final : public grpc_glue::UnaryCaller {
 public:
  InstancePool(PoolConfig config, const std::vector<InstanceAddress>& instances,
               resilience::UniformRandom random = resilience::thread_local_uniform);
  ~InstancePool() override;
  InstancePool(const InstancePool&) = delete;
  InstancePool& operator=(const InstancePool&) = delete;

  // Keeps the connection and breaker of every instance still listed.
  void update(const std::vector<InstanceAddress>& instances);
  std::vector<InstanceAddress> instances() const;

  // UnaryCaller: one attempt on one instance.
  boost::asio::awaitable<grpc_glue::GrpcReply> call(std::string method, std::string request,
                                                    const grpc_glue::CallContext& context,
                                                    std::chrono::milliseconds timeout) override;
  // For methods that may run twice: an UNAVAILABLE answer is tried again, on another
  // instance while there is one not tried yet.
  boost::asio::awaitable<grpc_glue::GrpcReply> call_idempotent(
      std::string method, std::string request, const grpc_glue::CallContext& context,
      std::chrono::milliseconds timeout);

 private:
  struct Member;

  // An instance whose breaker admits a call, not among `tried`; nullptr when none.
  std::shared_ptr<Member> choose(const std::vector<const Member*>& tried);
  boost::asio::awaitable<grpc_glue::GrpcReply> attempt(std::shared_ptr<Member> member,
                                                       std::string method, std::string request,
                                                       const grpc_glue::CallContext& context,
                                                       std::chrono::milliseconds timeout);
  grpc_glue::GrpcReply unavailable(const std::string& why) const;

  const PoolConfig config_;
  const resilience::UniformRandom random_;
  const resilience::Backoff backoff_;
  resilience::RetryBudget budget_;
  std::atomic<int> in_flight_{0};
  mutable std::mutex mutex_;
  std::vector<std::shared_ptr<Member>> members_;
};

}  // namespace shop::common::balancing
