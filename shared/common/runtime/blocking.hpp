#pragma once
// Runs CPU-heavy or blocking work (password hashing) on a worker pool and resumes the
// calling coroutine on its own executor, so I/O threads never stall.

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <type_traits>

namespace shop::common::runtime {
namespace detail {

// A named coroutine, not a lambda: its parameter lives in the coroutine frame, while
// a lambda's captures would die with the temporary closure.
template <class Work>
boost::asio::awaitable<std::invoke_result_t<Work>> invoke(Work work) {
  co_return work();
}

}  // namespace detail

template <class Work>
boost::asio::awaitable<std::invoke_result_t<Work>> run_blocking(boost::asio::thread_pool& pool,
                                                                Work work) {
  co_return co_await boost::asio::co_spawn(pool, detail::invoke(std::move(work)),
                                           boost::asio::use_awaitable);
}

}  // namespace shop::common::runtime
