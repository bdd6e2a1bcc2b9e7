#include "common/mongo/client_pool.hpp"

#include <cstdint>
#include <limits>

#include "common/mongo/driver_runtime.hpp"

namespace shop::common::mongo {
namespace {

constexpr std::size_t kMaxThreads = 256;

}  // namespace

Result<UriHandle> configured_uri(const DatabaseConfig& config) {
  ensure_driver_runtime();
  if (config.threads == 0 || config.threads > kMaxThreads) {
    return Error::bad_request("mongo: threads must be between 1 and " +
                              std::to_string(kMaxThreads));
  }
  const auto timeout_ms = config.timeout.count();
  if (timeout_ms <= 0 || timeout_ms > std::numeric_limits<std::int32_t>::max()) {
    return Error::bad_request("mongo: the timeout must be positive and fit 32 bits in ms");
  }
  bson_error_t error{};
  UriHandle uri(mongoc_uri_new_with_error(config.uri.c_str(), &error));
  if (!uri) return Error::bad_request(std::string("mongo: invalid URI: ") + error.message);
  const char* database = mongoc_uri_get_database(uri.get());
  if (database == nullptr || *database == '\0') {
    return Error::bad_request("mongo: the URI names no database (mongodb://host:port/<database>)");
  }
  const auto timeout = static_cast<std::int32_t>(timeout_ms);
  const bool applied =
      mongoc_uri_set_option_as_int32(uri.get(), MONGOC_URI_SERVERSELECTIONTIMEOUTMS, timeout) &&
      mongoc_uri_set_option_as_int32(uri.get(), MONGOC_URI_CONNECTTIMEOUTMS, timeout) &&
      mongoc_uri_set_option_as_int32(uri.get(), MONGOC_URI_SOCKETTIMEOUTMS, timeout) &&
      mongoc_uri_set_option_as_int32(uri.get(), MONGOC_URI_MAXPOOLSIZE,
                                     static_cast<std::int32_t>(config.threads));
  if (!applied) return Error::bad_request("mongo: the URI does not take the configured limits");
  return uri;
}

Result<std::unique_ptr<ClientPool>> ClientPool::create(const DatabaseConfig& config) {
  auto uri = configured_uri(config);
  if (!uri) return uri.error();
  bson_error_t error{};
  mongoc_client_pool_t* pool = mongoc_client_pool_new_with_error(uri->get(), &error);
  if (pool == nullptr) return Error::bad_request(std::string("mongo: ") + error.message);
  // Version 2 reports the server's own error codes (11000, ...) in domain
  // MONGOC_ERROR_SERVER, which mongo_error.cpp classifies.
  mongoc_client_pool_set_error_api(pool, MONGOC_ERROR_API_VERSION_2);
  return std::unique_ptr<ClientPool>(new ClientPool(std::move(*uri), pool));
}

ClientPool::ClientPool(UriHandle uri, mongoc_client_pool_t* pool)
    : uri_(std::move(uri)), pool_(pool), database_(mongoc_uri_get_database(uri_.get())) {}

ClientPool::~ClientPool() { mongoc_client_pool_destroy(pool_); }

ClientLease::ClientLease(ClientPool& pool)
    : pool_(pool), client_(mongoc_client_pool_pop(pool.pool_)) {}

ClientLease::~ClientLease() { mongoc_client_pool_push(pool_.pool_, client_); }

CollectionHandle ClientLease::collection(const std::string& name) const {
  return CollectionHandle(
      mongoc_client_get_collection(client_, pool_.database().c_str(), name.c_str()));
}

}  // namespace shop::common::mongo
