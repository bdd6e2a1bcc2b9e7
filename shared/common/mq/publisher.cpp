#include "common/mq/publisher.hpp"

#include <algorithm>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "common/mq/mq_metrics.hpp"
#include "common/mq/topology.hpp"
#include "common/observability/logger.hpp"
#include "common/runtime/blocking.hpp"

namespace shop::common::mq {
namespace {

using boost::asio::awaitable;
using Clock = std::chrono::steady_clock;

std::chrono::milliseconds remaining(Clock::time_point deadline) {
  return std::max(std::chrono::milliseconds::zero(),
                  std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()));
}

}  // namespace

// One message's outcome of one attempt; retryable failures are tried again while the
// publish timeout allows.
struct Publisher::Attempt {
  Result<void> result;
  bool retryable = false;
  std::string_view failure;  // the metrics' reason label
};

std::shared_ptr<Publisher> Publisher::create(boost::asio::any_io_executor executor,
                                             PublisherConfig config) {
  return std::shared_ptr<Publisher>(new Publisher(std::move(executor), std::move(config)));
}

Publisher::Publisher(boost::asio::any_io_executor executor, PublisherConfig config)
    : executor_(std::move(executor)),
      config_(std::move(config)),
      metrics_(config_.metrics != nullptr ? *config_.metrics : MqMetrics::instance()),
      backoff_(config_.retry) {}

Publisher::~Publisher() {
  // Outstanding attempts finish first (each is bounded by its deadline); the connection
  // closes after the thread is gone.
  thread_.join();
  connection_.reset();
}

Result<void> Publisher::ensure_connected(Clock::time_point deadline) {
  if (connection_ && !connection_->broken()) return {};
  connection_.reset();
  connected_ = false;
  AmqpSettings settings = config_.amqp;
  settings.connect_timeout = std::min(settings.connect_timeout, remaining(deadline));
  auto opened = AmqpConnection::open(settings);
  if (!opened) return opened.error();
  if (auto declared = (*opened)->declare_exchange(kEventsExchange, "topic"); !declared) {
    return declared.error();
  }
  if (auto confirming = (*opened)->enable_confirms(); !confirming) return confirming.error();
  connection_ = std::move(*opened);
  connected_ = true;
  metrics_.connection_opened("publisher");
  return {};
}

std::vector<Publisher::Attempt> Publisher::attempt(const std::vector<OutgoingMessage>& messages,
                                                   const std::vector<std::size_t>& indices,
                                                   Clock::time_point deadline) {
  std::vector<Attempt> outcomes(indices.size(),
                                Attempt{Error::unavailable("not published"), true, "connection"});
  if (auto ready = ensure_connected(deadline); !ready) {
    for (auto& outcome : outcomes) outcome.result = ready.error();
    return outcomes;
  }

  std::vector<std::uint64_t> tags(indices.size(), 0);
  std::size_t sent = 0;
  for (; sent < indices.size(); ++sent) {
    auto tag = connection_->publish(messages[indices[sent]]);
    if (!tag) {
      for (std::size_t i = sent; i < indices.size(); ++i) outcomes[i].result = tag.error();
      break;
    }
    tags[sent] = *tag;
  }
  // Whatever went out before a failure may still be confirmed.
  auto confirms = connection_->wait_for_confirms(deadline);
  if (!confirms) {
    const bool timed_out = confirms.error().code == ErrorCode::kDeadlineExceeded;
    for (std::size_t i = 0; i < sent; ++i) {
      outcomes[i] = {confirms.error(), true, timed_out ? "timeout" : "connection"};
    }
  } else {
    for (std::size_t i = 0; i < sent; ++i) {
      const auto found = confirms->find(tags[i]);
      const Confirm confirm = found == confirms->end() ? Confirm::kNack : found->second;
      const OutgoingMessage& message = messages[indices[i]];
      switch (confirm) {
        case Confirm::kAck:
          outcomes[i] = {Result<void>{}, false, {}};
          break;
        case Confirm::kNack:
          outcomes[i] = {Error::unavailable("AMQP publish: the broker refused the message"), true,
                         "nack"};
          break;
        case Confirm::kReturned:
          outcomes[i] = {
              Error::internal("AMQP publish: no queue takes routing key \"" + message.routing_key +
                              "\" on exchange \"" + message.exchange + "\""),
              false, "unroutable"};
          break;
      }
    }
  }
  if (!connection_ || connection_->broken()) {
    connection_.reset();
    connected_ = false;
  }
  return outcomes;
}

awaitable<Result<void>> Publisher::publish(const CloudEvent& event) {
  co_return co_await publish(event_message(event));
}

awaitable<Result<void>> Publisher::publish(OutgoingMessage message) {
  std::vector<OutgoingMessage> batch;
  batch.push_back(std::move(message));
  auto results = co_await publish_batch(std::move(batch));
  co_return std::move(results.front());
}

awaitable<std::vector<Result<void>>> Publisher::publish_batch(
    std::vector<OutgoingMessage> messages) {
  auto self = shared_from_this();
  const auto deadline = Clock::now() + config_.publish_timeout;
  std::vector<Result<void>> results(messages.size(), Result<void>{});
  std::vector<std::size_t> pending(messages.size());
  for (std::size_t i = 0; i < pending.size(); ++i) pending[i] = i;

  boost::asio::steady_timer timer(executor_);
  std::vector<std::string_view> failures(messages.size());
  for (int round = 0; !pending.empty(); ++round) {
    auto job = [this, &messages, &pending, deadline] {
      return attempt(messages, pending, deadline);
    };
    std::vector<Attempt> outcomes = co_await runtime::run_blocking(thread_, std::move(job));
    std::vector<std::size_t> again;
    for (std::size_t i = 0; i < pending.size(); ++i) {
      results[pending[i]] = outcomes[i].result;
      failures[pending[i]] = outcomes[i].failure;
      if (!outcomes[i].result && outcomes[i].retryable) again.push_back(pending[i]);
    }
    pending = std::move(again);
    if (pending.empty()) break;
    const auto delay = backoff_.delay(round);
    if (delay >= remaining(deadline)) break;
    timer.expires_after(delay);
    co_await timer.async_wait(boost::asio::use_awaitable);
  }

  std::size_t confirmed = 0;
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (results[i]) {
      ++confirmed;
    } else {
      metrics_.publish_failed(failures[i], 1);
    }
  }
  if (confirmed > 0) metrics_.published(confirmed);
  if (confirmed < results.size()) {
    const auto& first = *std::find_if(results.begin(), results.end(),
                                      [](const Result<void>& r) { return !r.has_value(); });
    obs::warn("publish failed",
              {{"failed", results.size() - confirmed}, {"error", first.error().detail}});
  }
  co_return results;
}

}  // namespace shop::common::mq
