#pragma once
// The libmongoc calls behind each Database operation, with their inputs and outputs
// converted between JSON and BSON. Each call blocks its thread for as long as the URI's
// timeouts allow, which is why Database runs them on threads of its own.

#include <mongoc/mongoc.h>

#include <boost/json/object.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "common/mongo/operations.hpp"

namespace shop::common::mongo::calls {

Result<void> ping(mongoc_client_t* client, const std::string& database);

Result<void> create_index(mongoc_collection_t* collection, const boost::json::object& keys,
                          Unique unique, const std::string& name);

Result<void> insert_one(mongoc_collection_t* collection, const boost::json::object& document);

Result<std::vector<boost::json::object>> find(mongoc_collection_t* collection,
                                              const boost::json::object& filter,
                                              const FindOptions& options);

Result<UpdateResult> replace_one(mongoc_collection_t* collection, const boost::json::object& filter,
                                 const boost::json::object& replacement, Upsert upsert);

Result<UpdateResult> update_one(mongoc_collection_t* collection, const boost::json::object& filter,
                                const boost::json::object& update, Upsert upsert);

// The number of documents deleted.
Result<std::int64_t> delete_one(mongoc_collection_t* collection, const boost::json::object& filter);
Result<std::int64_t> delete_many(mongoc_collection_t* collection,
                                 const boost::json::object& filter);

Result<std::int64_t> count(mongoc_collection_t* collection, const boost::json::object& filter);

// Succeeds when the collection does not exist.
Result<void> drop(mongoc_collection_t* collection);

}  // namespace shop::common::mongo::calls
