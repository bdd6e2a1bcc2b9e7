#include "common/balancing/instance_pool.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>

#include "common/balancing/two_choices.hpp"
#include "common/grpc/channel.hpp"
#include "common/grpc/generic_client.hpp"
#include "common/observability/metrics.hpp"

namespace shop::common::balancing {
namespace {

namespace asio = boost::asio;
using grpc_glue::GrpcReply;
using std::chrono::milliseconds;

// The statuses that say the instance, not the request, is the problem.
bool instance_failed(const grpc::Status& status) {
  return status.error_code() == grpc::StatusCode::UNAVAILABLE ||
         status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED;
}

// Below this, another attempt could not get an answer in time.
constexpr milliseconds kShortestUsefulAttempt{20};

}  // namespace

struct InstancePool::Member {
  Member(const InstanceAddress& where, const PoolConfig& config)
      : address(where),
        client(std::make_shared<grpc_glue::GenericClient>(
            grpc_glue::open_channel(where.grpc_address))),
        breaker(config.breaker, resilience::system_clock(),
                obs::Metrics::instance().breaker_listener(config.upstream + "/" + where.id)) {}

  const InstanceAddress address;
  const std::shared_ptr<grpc_glue::GenericClient> client;
  resilience::CircuitBreaker breaker;
  std::atomic<int> in_flight{0};
};

InstancePool::InstancePool(PoolConfig config, const std::vector<InstanceAddress>& instances,
                           resilience::UniformRandom random)
    : config_(std::move(config)),
      random_(std::move(random)),
      backoff_(config_.retry, random_),
      budget_(config_.retry_budget) {
  update(instances);
}

InstancePool::~InstancePool() = default;

void InstancePool::update(const std::vector<InstanceAddress>& instances) {
  std::lock_guard lock(mutex_);
  std::vector<std::shared_ptr<Member>> next;
  for (const auto& address : instances) {
    const auto kept = std::find_if(members_.begin(), members_.end(),
                                   [&](const auto& member) { return member->address == address; });
    next.push_back(kept != members_.end() ? *kept : std::make_shared<Member>(address, config_));
  }
  members_ = std::move(next);
}

std::vector<InstanceAddress> InstancePool::instances() const {
  std::lock_guard lock(mutex_);
  std::vector<InstanceAddress> listed;
  for (const auto& member : members_) listed.push_back(member->address);
  return listed;
}

std::shared_ptr<InstancePool::Member> InstancePool::choose(
    const std::vector<const Member*>& tried) {
  std::vector<std::shared_ptr<Member>> members;
  {
    std::lock_guard lock(mutex_);
    members = members_;
  }
  std::vector<Candidate> candidates;
  for (const auto& member : members) {
    const bool fresh = std::find(tried.begin(), tried.end(), member.get()) == tried.end();
    candidates.push_back({member->in_flight.load(), fresh});
  }
  // Only the chosen instance's breaker is asked: allow() may hand out a half-open probe.
  while (const auto picked = pick_two_choices(candidates, random_)) {
    if (members[*picked]->breaker.allow()) return members[*picked];
    candidates[*picked].available = false;
  }
  return nullptr;
}

GrpcReply InstancePool::unavailable(const std::string& why) const {
  return GrpcReply{grpc::Status(grpc::StatusCode::UNAVAILABLE, config_.upstream + " " + why), ""};
}

asio::awaitable<GrpcReply> InstancePool::attempt(std::shared_ptr<Member> member, std::string method,
                                                 std::string request,
                                                 const grpc_glue::CallContext& context,
                                                 milliseconds timeout) {
  ++member->in_flight;
  auto reply =
      co_await member->client->call(std::move(method), std::move(request), context, timeout);
  --member->in_flight;
  if (instance_failed(reply.status)) {
    member->breaker.record_failure();
  } else {
    member->breaker.record_success();
  }
  co_return reply;
}

asio::awaitable<GrpcReply> InstancePool::call(std::string method, std::string request,
                                              const grpc_glue::CallContext& context,
                                              milliseconds timeout) {
  if (in_flight_.load() >= config_.max_in_flight) co_return unavailable("is at its call limit");
  auto member = choose({});
  if (!member) co_return unavailable("has no instance available");
  ++in_flight_;
  budget_.record_request();
  auto reply =
      co_await attempt(std::move(member), std::move(method), std::move(request), context, timeout);
  --in_flight_;
  co_return reply;
}

asio::awaitable<GrpcReply> InstancePool::call_idempotent(std::string method, std::string request,
                                                         const grpc_glue::CallContext& context,
                                                         milliseconds timeout) {
  if (in_flight_.load() >= config_.max_in_flight) co_return unavailable("is at its call limit");
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  const auto remaining = [deadline] {
    return std::chrono::duration_cast<milliseconds>(deadline - std::chrono::steady_clock::now());
  };
  ++in_flight_;
  budget_.record_request();
  std::vector<const Member*> tried;
  GrpcReply reply = unavailable("has no instance available");
  asio::steady_timer pause(co_await asio::this_coro::executor);
  for (int attempt_number = 1;; ++attempt_number) {
    auto member = choose(tried);
    // Every instance failed once: the first to recover may as well be any of them.
    if (!member && !tried.empty()) member = choose({});
    if (!member) break;
    tried.push_back(member.get());
    reply = co_await attempt(member, method, request, context, remaining());
    if (reply.status.error_code() != grpc::StatusCode::UNAVAILABLE) break;
    const auto wait = backoff_.next_delay(attempt_number);
    if (!wait || remaining() - *wait < kShortestUsefulAttempt || !budget_.try_spend_retry()) break;
    pause.expires_after(*wait);
    co_await pause.async_wait(asio::use_awaitable);
  }
  --in_flight_;
  co_return reply;
}

}  // namespace shop::common::balancing
