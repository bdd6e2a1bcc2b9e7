#include "search_wiring.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "common/observability/logger.hpp"
#include "search/search_endpoint.hpp"
#include "search/search_index_impl.hpp"

namespace shop::product {

common::Result<std::shared_ptr<search::SearchIndex>> open_search_index(
    boost::asio::any_io_executor executor, const Config& config) {
  if (config.search_url.empty()) return std::shared_ptr<search::SearchIndex>{};
  auto endpoint = search::parse_search_url(config.search_url);
  if (!endpoint) return endpoint.error();
  search::SearchIndexConfig settings;
  settings.endpoint = *endpoint;
  settings.alias = config.search_alias;
  settings.request_timeout = config.search_timeout;
  settings.max_idle_connections = static_cast<std::size_t>(config.search_connections);
  auto index = search::SearchIndexImpl::create(std::move(executor), std::move(settings));
  if (!index) return index.error();
  return std::shared_ptr<search::SearchIndex>(*index);
}

boost::asio::awaitable<bool> prepare_search_index(search::SearchIndex& index) {
  constexpr std::chrono::seconds kRetryInterval{2};
  boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor);
  bool warned = false;
  for (;;) {
    auto ready = co_await index.ensure_index();
    if (ready) {
      common::obs::info("search index ready", {{"index", *ready}});
      co_return true;
    }
    if (!warned) {
      common::obs::warn("search index not ready; retrying", {{"error", ready.error().detail}});
      warned = true;
    }
    timer.expires_after(kRetryInterval);
    auto [ec] = co_await timer.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
    if (ec) co_return false;
  }
}

}  // namespace shop::product
