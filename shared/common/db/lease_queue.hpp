#pragma once
// The pool's bookkeeping, apart from any database: at most `capacity` items exist, idle
// ones are handed out first, then free slots (the taker opens the item), and beyond that
// takers queue in arrival order until an item or slot comes back or their wait runs out.
// Thread-safe; completions are always posted to the taker's executor, never run inline.

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace shop::common::db::detail {

struct LeaseStats {
  std::size_t open = 0;
  std::size_t idle = 0;
  std::size_t waiting = 0;
};

template <class Item>
class LeaseQueue : public std::enable_shared_from_this<LeaseQueue<Item>> {
 public:
  struct Grant {
    enum class Kind { kItem, kSlot, kTimeout };
    Kind kind = Kind::kTimeout;
    std::shared_ptr<Item> item;  // set for kItem only
  };

  LeaseQueue(boost::asio::any_io_executor executor, std::size_t capacity)
      : executor_(std::move(executor)), capacity_(capacity) {}

  template <class Token>
  auto async_take(std::chrono::milliseconds wait, Token&& token) {
    return boost::asio::async_initiate<Token, void(Grant)>(
        [self = this->shared_from_this(), wait](auto handler) {
          auto executor = boost::asio::get_associated_executor(handler, self->executor_);
          self->take(Taker{std::move(executor), Handler(std::move(handler))}, wait);
        },
        token);
  }

  // An item for reuse, or nullptr to free the slot of an item that was closed or never
  // opened. Goes to the longest-waiting taker if there is one.
  void give_back(std::shared_ptr<Item> item) {
    std::unique_lock lock(mutex_);
    if (waiters_.empty()) {
      if (item) {
        idle_.push_back(std::move(item));
      } else {
        --open_;
      }
      return;
    }
    Waiter waiter = std::move(waiters_.front());
    waiters_.pop_front();
    waiter.timer->cancel();
    lock.unlock();
    const auto kind = item ? Grant::Kind::kItem : Grant::Kind::kSlot;
    complete(std::move(waiter.taker), Grant{kind, std::move(item)});
  }

  LeaseStats stats() const {
    std::lock_guard lock(mutex_);
    return {open_, idle_.size(), waiters_.size()};
  }

 private:
  using Handler = boost::asio::any_completion_handler<void(Grant)>;
  // The handler's executor is kept apart because the type-erased handler's own executor
  // cannot be required to be non-blocking, which asio::post insists on.
  struct Taker {
    boost::asio::any_io_executor executor;
    Handler handler;
  };
  struct Waiter {
    std::uint64_t id;
    Taker taker;
    // Only touched under the mutex, so its wait and its cancel never race.
    std::unique_ptr<boost::asio::steady_timer> timer;
  };

  void take(Taker taker, std::chrono::milliseconds wait) {
    std::unique_lock lock(mutex_);
    Grant grant;
    if (!idle_.empty()) {
      // The most recently used item: its server session is the least likely to have idled out.
      grant = {Grant::Kind::kItem, std::move(idle_.back())};
      idle_.pop_back();
    } else if (open_ < capacity_) {
      ++open_;
      grant = {Grant::Kind::kSlot, nullptr};
    } else {
      const std::uint64_t id = next_waiter_id_++;
      auto timer = std::make_unique<boost::asio::steady_timer>(executor_, wait);
      timer->async_wait([self = this->shared_from_this(), id](boost::system::error_code ec) {
        if (!ec) self->expire(id);
      });
      waiters_.push_back({id, std::move(taker), std::move(timer)});
      return;
    }
    lock.unlock();
    complete(std::move(taker), std::move(grant));
  }

  void expire(std::uint64_t id) {
    std::unique_lock lock(mutex_);
    for (auto it = waiters_.begin(); it != waiters_.end(); ++it) {
      if (it->id != id) continue;
      Taker taker = std::move(it->taker);
      waiters_.erase(it);
      lock.unlock();
      complete(std::move(taker), Grant{Grant::Kind::kTimeout, nullptr});
      return;
    }
  }

  // Posting to the taker's own executor resumes it on its strand, if it has one.
  static void complete(Taker taker, Grant grant) {
    boost::asio::post(taker.executor,
                      [handler = std::move(taker.handler), grant = std::move(grant)]() mutable {
                        std::move(handler)(std::move(grant));
                      });
  }

  boost::asio::any_io_executor executor_;
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::vector<std::shared_ptr<Item>> idle_;
  std::size_t open_ = 0;
  std::deque<Waiter> waiters_;
  std::uint64_t next_waiter_id_ = 0;
};

}  // namespace shop::common::db::detail
