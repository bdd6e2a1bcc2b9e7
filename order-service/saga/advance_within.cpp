#include "saga/advance_within.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/experimental/concurrent_channel.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace shop::order::saga {
namespace {

namespace asio = boost::asio;
using Done = asio::experimental::concurrent_channel<void(boost::system::error_code,
                                                         common::Result<models::Order>)>;

// A named coroutine, so its parameters live in its own frame after the caller left.
asio::awaitable<void> run_and_report(std::shared_ptr<SagaRunner> runner, std::string order_id,
                                     common::grpc_glue::CallContext call,
                                     std::shared_ptr<Done> done) {
  auto settled = co_await runner->advance(order_id, call);
  done->try_send(boost::system::error_code{}, std::move(settled));
}

}  // namespace

Task<std::optional<models::Order>> advance_within(std::shared_ptr<SagaRunner> runner,
                                                  std::string order_id,
                                                  const common::grpc_glue::CallContext& call,
                                                  std::chrono::milliseconds wait) {
  using namespace asio::experimental::awaitable_operators;
  auto executor = co_await asio::this_coro::executor;
  auto done = std::make_shared<Done>(executor, 1);
  common::grpc_glue::CallContext detached_call{call.request_id, call.traceparent, {}, {}};
  detached_call.deadline = std::chrono::system_clock::time_point::max();
  auto run = run_and_report(std::move(runner), std::move(order_id), detached_call, done);
  asio::co_spawn(executor, std::move(run), asio::detached);

  asio::steady_timer timer(executor, wait);
  auto settled = done->async_receive(asio::as_tuple(asio::use_awaitable));
  auto elapsed = timer.async_wait(asio::as_tuple(asio::use_awaitable));
  auto either = std::move(settled) || std::move(elapsed);
  auto first = co_await std::move(either);
  if (first.index() == 1) co_return std::optional<models::Order>{};
  auto [ec, order] = std::get<0>(std::move(first));
  if (ec) co_return common::Error::internal("the saga run was lost: " + ec.message());
  if (!order) co_return order.error();
  co_return std::optional<models::Order>(std::move(*order));
}

}  // namespace shop::order::saga
