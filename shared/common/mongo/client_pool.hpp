#pragma once
// The driver's side of a Database: the connection string with the configured limits
// applied, and the libmongoc client pool from which each driver thread borrows a client
// for one operation at a time.

#include <mongoc/mongoc.h>

#include <memory>
#include <string>

#include "common/errors.hpp"
#include "common/mongo/database_config.hpp"

namespace shop::common::mongo {

struct UriDeleter {
  void operator()(mongoc_uri_t* uri) const { mongoc_uri_destroy(uri); }
};
using UriHandle = std::unique_ptr<mongoc_uri_t, UriDeleter>;

struct CollectionDeleter {
  void operator()(mongoc_collection_t* collection) const { mongoc_collection_destroy(collection); }
};
using CollectionHandle = std::unique_ptr<mongoc_collection_t, CollectionDeleter>;

// config.uri parsed, with the timeouts and the pool size of `config` set on it. kBadRequest
// for a malformed URI, one without a database, or limits out of range.
Result<UriHandle> configured_uri(const DatabaseConfig& config);

class ClientPool;

// A client borrowed from the pool; given back on destruction.
class ClientLease {
 public:
  explicit ClientLease(ClientPool& pool);
  ~ClientLease();
  ClientLease(const ClientLease&) = delete;
  ClientLease& operator=(const ClientLease&) = delete;

  mongoc_client_t* client() const { return client_; }
  // A handle on one collection of the pool's database; destroy it before the lease.
  CollectionHandle collection(const std::string& name) const;

 private:
  ClientPool& pool_;
  mongoc_client_t* client_;
};

class ClientPool {
 public:
  static Result<std::unique_ptr<ClientPool>> create(const DatabaseConfig& config);
  ~ClientPool();
  ClientPool(const ClientPool&) = delete;
  ClientPool& operator=(const ClientPool&) = delete;

  const std::string& database() const { return database_; }

 private:
  friend class ClientLease;

  ClientPool(UriHandle uri, mongoc_client_pool_t* pool);

  UriHandle uri_;
  mongoc_client_pool_t* pool_;
  std::string database_;
};

}  // namespace shop::common::mongo
