#include "repository/cached_user_repository.hpp"

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/registry.h>

#include "common/observability/metrics.hpp"

namespace shop::user::repository {
namespace {

// shop_user_cache_lookups_total{result="hit"|"miss"}: how often find_by_id skipped the
// database.
struct LookupCounters {
  prometheus::Counter& hits;
  prometheus::Counter& misses;
};

LookupCounters& lookup_counters() {
  static LookupCounters counters = [] {
    auto& family = prometheus::BuildCounter()
                       .Name("shop_user_cache_lookups_total")
                       .Help("Users looked up by id, by whether the cache answered")
                       .Register(common::obs::Metrics::instance().registry());
    return LookupCounters{family.Add({{"result", "hit"}}), family.Add({{"result", "miss"}})};
  }();
  return counters;
}

}  // namespace

Task<models::User> CachedUserRepository::create(const models::NewUser& user) {
  co_return co_await inner_->create(user);
}

Task<void> CachedUserRepository::create_if_absent(const models::NewUser& user) {
  co_return co_await inner_->create_if_absent(user);
}

Task<std::optional<Credentials>> CachedUserRepository::find_credentials(const std::string& email) {
  co_return co_await inner_->find_credentials(email);
}

Task<models::User> CachedUserRepository::find_by_id(const std::string& id) {
  if (auto cached = cache_->find(id)) {
    lookup_counters().hits.Increment();
    co_return *std::move(cached);
  }
  lookup_counters().misses.Increment();
  const auto generation = cache_->generation();
  auto user = co_await inner_->find_by_id(id);
  if (user) cache_->store(*user, generation);
  co_return user;
}

Task<models::User> CachedUserRepository::update_profile(const std::string& id,
                                                        const models::ProfileChange& change) {
  auto user = co_await inner_->update_profile(id, change);
  // This replica's next read must see the change without waiting for the notification.
  cache_->invalidate(id);
  co_return user;
}

}  // namespace shop::user::repository
