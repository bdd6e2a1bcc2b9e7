#include "common/mq/consumer.hpp"

#include <algorithm>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <exception>
#include <optional>

#include "common/mq/mq_metrics.hpp"
#include "common/observability/logger.hpp"
#include "common/observability/tracing.hpp"
#include "common/runtime/blocking.hpp"

namespace shop::common::mq {
namespace {

using boost::asio::awaitable;
using Clock = std::chrono::steady_clock;

std::chrono::milliseconds remaining(Clock::time_point deadline) {
  return std::max(std::chrono::milliseconds::zero(),
                  std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()));
}

std::string_view kind_name(Disposition::Kind kind) {
  switch (kind) {
    case Disposition::Kind::kAcknowledge:
      return "acknowledged";
    case Disposition::Kind::kRetry:
      return "retried";
    case Disposition::Kind::kDeadLetter:
      return "dead_lettered";
  }
  return "unknown";
}

}  // namespace

Result<std::shared_ptr<Consumer>> Consumer::create(boost::asio::any_io_executor executor,
                                                   ConsumerConfig config, EventHandler handler) {
  if (!is_valid_queue_name(config.queue)) {
    return Error::internal("consumer: invalid queue name \"" + config.queue + "\"");
  }
  if (config.bindings.empty()) return Error::internal("consumer: no routing-key bindings");
  for (const auto& binding : config.bindings) {
    if (!is_valid_binding(binding)) {
      return Error::internal("consumer: invalid routing-key pattern \"" + binding + "\"");
    }
  }
  if (!handler) return Error::internal("consumer: no handler");
  config.prefetch = std::max<std::uint16_t>(config.prefetch, 1);
  config.retry = normalised(config.retry);
  return std::shared_ptr<Consumer>(
      new Consumer(std::move(executor), std::move(config), std::move(handler)));
}

Consumer::Consumer(boost::asio::any_io_executor executor, ConsumerConfig config,
                   EventHandler handler)
    : executor_(std::move(executor)),
      config_(std::move(config)),
      handler_(std::move(handler)),
      topology_(consumer_topology(config_.queue, config_.bindings, config_.retry)),
      metrics_(config_.metrics != nullptr ? *config_.metrics : MqMetrics::instance()),
      backoff_(config_.reconnect),
      stopped_(executor_, 1) {
  PublisherConfig republish{
      .amqp = config_.amqp, .publish_timeout = config_.publish_timeout, .metrics = config_.metrics};
  republish.amqp.connection_name += " (retries)";
  republisher_ = Publisher::create(executor_, std::move(republish));
}

Consumer::~Consumer() {
  thread_.join();
  connection_.reset();
}

void Consumer::start() {
  if (started_.exchange(true)) return;
  boost::asio::co_spawn(executor_, run_owned(shared_from_this()), boost::asio::detached);
}

awaitable<void> Consumer::run_owned(std::shared_ptr<Consumer> self) {
  try {
    co_await self->run();
  } catch (const std::exception& e) {
    obs::error("consumer stopped by an exception",
               {{"queue", self->config_.queue}, {"error", e.what()}});
  }
  self->connected_ = false;
  self->stopped_.try_send(boost::system::error_code{});
}

awaitable<void> Consumer::stop() {
  stopping_ = true;
  if (!started_) co_return;
  co_await stopped_.async_receive(boost::asio::use_awaitable);
}

Result<void> Consumer::open() {
  connection_.reset();
  auto opened = AmqpConnection::open(config_.amqp);
  if (!opened) return opened.error();
  AmqpConnection& connection = **opened;
  if (auto done = connection.declare_exchange(kEventsExchange, "topic"); !done) return done;
  if (auto done = connection.declare_queue(topology_.dead_letter_queue); !done) return done;
  for (const auto& retry_queue : topology_.retry_queues) {
    if (auto done = connection.declare_queue(retry_queue); !done) return done;
  }
  if (auto done = connection.declare_queue(topology_.queue); !done) return done;
  for (const auto& binding : topology_.bindings) {
    if (auto done = connection.bind_queue(topology_.queue.name, kEventsExchange, binding); !done) {
      return done;
    }
  }
  if (auto done = connection.set_prefetch(config_.prefetch); !done) return done;
  if (auto done = connection.start_consuming(topology_.queue.name); !done) return done;
  connection_ = std::move(*opened);
  metrics_.connection_opened("consumer");
  return {};
}

void Consumer::close() { connection_.reset(); }

awaitable<void> Consumer::run() {
  int failures = 0;
  while (!stopping_) {
    auto open_job = [this] { return open(); };
    auto opened = co_await runtime::run_blocking(thread_, std::move(open_job));
    if (!opened) {
      // The first failure and every tenth: an outage should not flood the log.
      if (failures % 10 == 0) {
        obs::warn("consumer cannot attach to its queue", {{"queue", config_.queue},
                                                          {"error", opened.error().detail},
                                                          {"consecutive_failures", failures + 1}});
      }
      co_await pause(backoff_.delay(failures++));
      continue;
    }
    failures = 0;
    connected_ = true;
    obs::info("consumer attached", {{"queue", config_.queue}});
    while (!stopping_) {
      auto receive_job = [this] { return connection_->receive(config_.poll_interval); };
      auto received = co_await runtime::run_blocking(thread_, std::move(receive_job));
      if (!received) {
        obs::warn("consumer lost its connection",
                  {{"queue", config_.queue}, {"error", received.error().detail}});
        break;
      }
      if (!*received) continue;
      co_await process(std::move(**received));
    }
    connected_ = false;
    auto close_job = [this] { close(); };
    co_await runtime::run_blocking(thread_, std::move(close_job));
  }
}

awaitable<void> Consumer::process(Delivery delivery) {
  auto parsed = parse_cloud_event(delivery.body);
  if (!parsed) {
    co_await settle(delivery, malformed(parsed.error().detail));
    co_return;
  }
  ReceivedEvent received{std::move(*parsed), attempt_of(delivery), delivery.redelivered, {}};
  std::optional<obs::TraceContext> parent;
  if (received.event.traceparent) parent = obs::parse_traceparent(*received.event.traceparent);
  auto span = obs::Span::start_server(config_.queue + " process", parent ? &*parent : nullptr);
  span.set_attribute("messaging.system", "rabbitmq");
  span.set_attribute("messaging.destination.name", config_.queue);
  span.set_attribute("messaging.message.id", received.event.id);
  span.set_attribute("cloudevents.event_type", received.event.type);
  span.set_attribute("messaging.delivery_attempt", std::int64_t{received.attempt});
  received.trace = span.context();

  const Outcome outcome = co_await call_handler(received);
  const Disposition disposition = decide(config_.retry, outcome, received.attempt);
  if (disposition.kind == Disposition::Kind::kDeadLetter) span.set_error(disposition.reason);
  if (disposition.kind == Disposition::Kind::kRetry) span.set_error("retry later");
  co_await settle(delivery, disposition);
}

awaitable<Outcome> Consumer::call_handler(const ReceivedEvent& received) {
  // A handler that throws is treated like one asking for a retry; the exception stops here.
  std::string thrown;
  try {
    co_return co_await handler_(received);
  } catch (const std::exception& e) {
    thrown = e.what();
  } catch (...) {
    thrown = "unknown exception";
  }
  obs::error("event handler threw",
             obs::with_trace(
                 received.trace, {},
                 {{"queue", config_.queue}, {"event_id", received.event.id}, {"error", thrown}}));
  co_return Outcome::kRetryLater;
}

awaitable<void> Consumer::settle(const Delivery& delivery, const Disposition& disposition) {
  if (disposition.kind != Disposition::Kind::kAcknowledge) {
    const int attempt = attempt_of(delivery);
    OutgoingMessage copy =
        disposition.kind == Disposition::Kind::kRetry
            ? retry_message(delivery, retry_queue_name(config_.queue, disposition.delay),
                            attempt + 1)
            : dead_letter_message(delivery, topology_.dead_letter_queue.name, config_.queue,
                                  disposition.reason);
    auto sent = co_await republisher_->publish(std::move(copy));
    if (!sent) {
      obs::warn("consumer could not move a message on; the broker will deliver it again",
                {{"queue", config_.queue},
                 {"message_id", delivery.message_id},
                 {"error", sent.error().detail}});
      co_await requeue(delivery.delivery_tag);
      co_return;
    }
    if (disposition.kind == Disposition::Kind::kDeadLetter) {
      obs::warn("message dead-lettered", {{"queue", config_.queue},
                                          {"message_id", delivery.message_id},
                                          {"attempt", attempt},
                                          {"reason", disposition.reason}});
    }
  }
  auto acknowledged = co_await acknowledge(delivery.delivery_tag);
  if (!acknowledged) {
    obs::warn("consumer could not acknowledge; the broker will deliver again",
              {{"queue", config_.queue}, {"error", acknowledged.error().detail}});
    co_return;
  }
  metrics_.consumed(config_.queue, kind_name(disposition.kind));
}

awaitable<Result<void>> Consumer::acknowledge(std::uint64_t delivery_tag) {
  auto job = [this, delivery_tag]() -> Result<void> {
    if (!connection_) return Error::unavailable("AMQP basic.ack: not connected");
    return connection_->ack(delivery_tag);
  };
  co_return co_await runtime::run_blocking(thread_, std::move(job));
}

awaitable<void> Consumer::requeue(std::uint64_t delivery_tag) {
  // Not at once: whatever made the copy fail is likely still there.
  co_await pause(config_.reconnect.cap);
  auto job = [this, delivery_tag]() -> Result<void> {
    if (!connection_) return Error::unavailable("AMQP basic.reject: not connected");
    return connection_->reject(delivery_tag, /*requeue=*/true);
  };
  auto rejected = co_await runtime::run_blocking(thread_, std::move(job));
  if (!rejected) {
    obs::warn("consumer could not requeue",
              {{"queue", config_.queue}, {"error", rejected.error().detail}});
  }
}

awaitable<void> Consumer::pause(std::chrono::milliseconds duration) {
  const auto until = Clock::now() + duration;
  boost::asio::steady_timer timer(executor_);
  while (!stopping_ && Clock::now() < until) {
    timer.expires_after(std::min(remaining(until), config_.poll_interval));
    co_await timer.async_wait(boost::asio::use_awaitable);
  }
}

}  // namespace shop::common::mq
