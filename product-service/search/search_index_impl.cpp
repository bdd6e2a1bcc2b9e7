#include "search/search_index_impl.hpp"

#include <boost/json/serialize.hpp>

#include "search/document_json.hpp"
#include "search/index_aliases.hpp"
#include "search/json_fields.hpp"
#include "search/search_response.hpp"
#include "search/server_errors.hpp"

namespace shop::product::search {
namespace {

namespace asio = boost::asio;
using common::Error;
using common::ErrorCode;
using common::Result;
using common::http::Verb;

constexpr std::string_view kJson = "application/json";
constexpr std::string_view kNdjson = "application/x-ndjson";

// Document ids go into the URL path: everything but unreserved characters is escaped.
std::string path_segment(std::string_view raw) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : raw) {
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

bool is_success(const common::http::Response& response) {
  const auto status = response.result_int();
  return status >= 200 && status < 300;
}

std::string describe(const std::vector<BulkItemFailure>& failures) {
  return std::to_string(failures.size()) + " documents refused, first " + failures.front().id +
         ": " + failures.front().reason;
}

}  // namespace

Result<std::shared_ptr<SearchIndexImpl>> SearchIndexImpl::create(asio::any_io_executor executor,
                                                                 SearchIndexConfig config) {
  if (!is_valid_alias(config.alias)) {
    return Error::bad_request("search alias \"" + config.alias +
                              "\" is not a valid index name (lower-case letters, digits, _ and -)");
  }
  auto pool =
      HttpConnectionPool::create(std::move(executor), config.endpoint, config.max_idle_connections);
  return std::shared_ptr<SearchIndexImpl>(new SearchIndexImpl(std::move(pool), std::move(config)));
}

SearchIndexImpl::SearchIndexImpl(std::shared_ptr<HttpConnectionPool> pool, SearchIndexConfig config)
    : pool_(std::move(pool)), config_(std::move(config)) {}

asio::awaitable<Result<common::http::Response>> SearchIndexImpl::exchange(
    Verb verb, std::string target, std::string body, std::chrono::milliseconds timeout) {
  common::http::Request request{verb, target, 11};
  if (!body.empty()) {
    const bool ndjson = target.ends_with("/_bulk") || target.find("/_bulk?") != std::string::npos;
    request.set(boost::beast::http::field::content_type, ndjson ? kNdjson : kJson);
    request.body() = std::move(body);
  }
  request.set(boost::beast::http::field::accept, kJson);
  co_return co_await pool_->send(std::move(request), timeout);
}

asio::awaitable<Result<std::string>> SearchIndexImpl::call(Verb verb, std::string target,
                                                           std::string body, std::string action,
                                                           std::chrono::milliseconds timeout) {
  auto response = co_await exchange(verb, std::move(target), std::move(body), timeout);
  if (!response) co_return response.error();
  if (!is_success(*response)) {
    co_return error_from_answer(static_cast<int>(response->result_int()), response->body(), action);
  }
  co_return std::move(response->body());
}

asio::awaitable<Result<std::vector<std::string>>> SearchIndexImpl::alias_indices() {
  auto answer = co_await call(Verb::get, "/_alias/" + config_.alias, "", "read alias",
                              config_.request_timeout);
  if (!answer && answer.error().code == ErrorCode::kNotFound) {
    co_return std::vector<std::string>{};
  }
  if (!answer) co_return answer.error();
  co_return parse_alias_indices(*answer);
}

asio::awaitable<Result<void>> SearchIndexImpl::create_index(std::string name, bool with_alias) {
  auto definition = index_definition(config_.index);
  if (with_alias) definition["aliases"] = {{config_.alias, boost::json::object{}}};
  auto created = co_await call(Verb::put, "/" + name, boost::json::serialize(definition),
                               "create index " + name, config_.admin_timeout);
  if (!created) co_return created.error();
  co_return Result<void>{};
}

asio::awaitable<Result<void>> SearchIndexImpl::delete_index(std::string name) {
  auto deleted =
      co_await call(Verb::delete_, "/" + name, "", "delete index " + name, config_.admin_timeout);
  if (!deleted && deleted.error().code != ErrorCode::kNotFound) co_return deleted.error();
  co_return Result<void>{};
}

asio::awaitable<Result<std::string>> SearchIndexImpl::ensure_index() {
  auto existing = co_await alias_indices();
  if (!existing) co_return existing.error();
  if (!existing->empty()) co_return existing->front();

  const std::string name = versioned_index_name(config_.alias, std::chrono::system_clock::now());
  auto created = co_await create_index(name, true);
  if (!created) {
    // A replica starting in the same microsecond may have created this very index (the
    // server says it exists): then the alias shows it, and all goes on as below.
    auto after = co_await alias_indices();
    if (!after || after->empty()) co_return created.error();
  }

  // Replicas starting together may each have created an index under the alias. They
  // all agree the oldest name wins and delete the others, so the alias ends up on one
  // index whichever replica looks last.
  auto now_pointing = co_await alias_indices();
  if (!now_pointing) co_return now_pointing.error();
  if (now_pointing->empty()) co_return Error::conflict("alias vanished while being created");
  for (std::size_t i = 1; i < now_pointing->size(); ++i) {
    if (auto deleted = co_await delete_index((*now_pointing)[i]); !deleted) {
      co_return deleted.error();
    }
  }
  co_return now_pointing->front();
}

asio::awaitable<Result<void>> SearchIndexImpl::upsert(ProductDocument document) {
  // require_alias: without the alias the server would silently create an index named
  // like the alias with guessed field types, which blocks the real alias later.
  const std::string target =
      "/" + config_.alias + "/_doc/" + path_segment(document.id) + "?require_alias=true";
  auto written = co_await call(Verb::put, target, boost::json::serialize(to_json(document)),
                               "index product " + document.id, config_.request_timeout);
  if (!written) co_return written.error();
  co_return Result<void>{};
}

asio::awaitable<Result<void>> SearchIndexImpl::remove(std::string id) {
  const std::string target = "/" + config_.alias + "/_doc/" + path_segment(id);
  auto response = co_await exchange(Verb::delete_, target, "", config_.request_timeout);
  if (!response) co_return response.error();
  if (is_success(*response)) co_return Result<void>{};
  // 404 is also the answer for a missing index: only a "not_found" result means the
  // document was simply not there.
  if (response->result_int() == 404) {
    auto answer = json_fields::parse_object(response->body(), "delete answer");
    if (answer) {
      auto result = json_fields::string(*answer, "result");
      if (result && *result == "not_found") co_return Result<void>{};
    }
  }
  co_return error_from_answer(static_cast<int>(response->result_int()), response->body(),
                              "remove product " + id);
}

asio::awaitable<Result<BulkOutcome>> SearchIndexImpl::bulk_into(
    std::string target, const std::vector<ProductDocument>& documents) {
  if (documents.empty()) co_return BulkOutcome{};
  auto answer = co_await call(Verb::post, std::move(target), bulk_index_body(documents),
                              "bulk index", config_.admin_timeout);
  if (!answer) co_return answer.error();
  co_return parse_bulk_response(*answer, documents);
}

asio::awaitable<Result<BulkOutcome>> SearchIndexImpl::bulk_index(
    std::vector<ProductDocument> documents) {
  co_return co_await bulk_into("/" + config_.alias + "/_bulk?require_alias=true", documents);
}

asio::awaitable<Result<SearchResult>> SearchIndexImpl::search(ProductQuery query) {
  auto body = build_search_body(query, config_.search);
  if (!body) co_return body.error();
  auto answer = co_await call(Verb::post, "/" + config_.alias + "/_search",
                              boost::json::serialize(*body), "search", config_.request_timeout);
  if (!answer) co_return answer.error();
  co_return parse_search_response(*answer);
}

asio::awaitable<Result<void>> SearchIndexImpl::refresh() {
  auto refreshed = co_await call(Verb::post, "/" + config_.alias + "/_refresh", "", "refresh",
                                 config_.admin_timeout);
  if (!refreshed) co_return refreshed.error();
  co_return Result<void>{};
}

asio::awaitable<Result<std::size_t>> SearchIndexImpl::load(std::string index,
                                                           std::shared_ptr<DocumentStream> source) {
  std::size_t loaded = 0;
  const std::string target = "/" + index + "/_bulk";
  while (true) {
    auto batch = co_await source->next_batch();
    if (!batch) co_return batch.error();
    if (batch->empty()) co_return loaded;
    auto outcome = co_await bulk_into(target, *batch);
    if (!outcome) co_return outcome.error();
    if (!outcome->failures.empty()) {
      co_return Error::internal("rebuild of " + index + ": " + describe(outcome->failures));
    }
    loaded += outcome->indexed;
  }
}

asio::awaitable<Result<void>> SearchIndexImpl::switch_alias(std::string new_index,
                                                            std::vector<std::string> old_indices) {
  auto refreshed = co_await call(Verb::post, "/" + new_index + "/_refresh", "",
                                 "refresh " + new_index, config_.admin_timeout);
  if (!refreshed) co_return refreshed.error();
  // One request, so every search sees either the old index or the new one.
  const auto swap = alias_swap_body(config_.alias, old_indices, new_index);
  auto swapped = co_await call(Verb::post, "/_aliases", boost::json::serialize(swap), "swap alias",
                               config_.admin_timeout);
  if (!swapped && swapped.error().code == ErrorCode::kNotFound) {
    co_return Error::conflict("the alias changed while the index was rebuilt: " +
                              swapped.error().detail);
  }
  if (!swapped) co_return swapped.error();
  co_return Result<void>{};
}

asio::awaitable<Result<RebuildSummary>> SearchIndexImpl::rebuild(
    std::shared_ptr<DocumentStream> source) {
  RebuildSummary summary;
  summary.started_at = std::chrono::system_clock::now();
  auto old_indices = co_await alias_indices();
  if (!old_indices) co_return old_indices.error();
  summary.index = versioned_index_name(config_.alias, summary.started_at);
  if (auto created = co_await create_index(summary.index, false); !created) {
    co_return created.error();
  }

  auto loaded = co_await load(summary.index, std::move(source));
  Result<void> switched;
  if (loaded) {
    switched = co_await switch_alias(summary.index, *old_indices);
  } else {
    switched = loaded.error();
  }
  if (!switched) {
    // Best effort: the alias still points at the old index, which keeps serving.
    (void)co_await delete_index(summary.index);
    co_return switched.error();
  }
  summary.documents = *loaded;

  for (const auto& old_index : *old_indices) {
    if (auto deleted = co_await delete_index(old_index); !deleted) co_return deleted.error();
    summary.replaced.push_back(old_index);
  }
  co_return summary;
}

asio::awaitable<Result<void>> SearchIndexImpl::drop() {
  auto indices = co_await alias_indices();
  if (!indices) co_return indices.error();
  for (const auto& index : *indices) {
    if (auto deleted = co_await delete_index(index); !deleted) co_return deleted.error();
  }
  co_return Result<void>{};
}

}  // namespace shop::product::search
