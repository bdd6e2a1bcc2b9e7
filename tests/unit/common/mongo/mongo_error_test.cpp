#include "common/mongo/mongo_error.hpp"

#include <gtest/gtest.h>
#include <mongoc/mongoc.h>

namespace shop::common::mongo {
namespace {

TEST(MongoError, DuplicateKeyIsConflictWhicheverDomainReportsIt) {
  EXPECT_EQ(classify_driver_error(MONGOC_ERROR_SERVER, 11000, "E11000 duplicate key error"),
            ErrorCode::kConflict);
  EXPECT_EQ(classify_driver_error(MONGOC_ERROR_COMMAND, 11000, "E11000"), ErrorCode::kConflict);
  EXPECT_EQ(classify_driver_error(MONGOC_ERROR_WRITE_CONCERN, 11001, "dup"), ErrorCode::kConflict);
}

TEST(MongoError, NoReachableServerIsUnavailable) {
  EXPECT_EQ(classify_driver_error(MONGOC_ERROR_SERVER_SELECTION,
                                  MONGOC_ERROR_SERVER_SELECTION_FAILURE, "No suitable servers"),
            ErrorCode::kUnavailable);
  EXPECT_EQ(classify_driver_error(MONGOC_ERROR_STREAM, MONGOC_ERROR_STREAM_SOCKET,
                                  "socket error or timeout"),
            ErrorCode::kUnavailable);
  EXPECT_EQ(
      classify_driver_error(MONGOC_ERROR_STREAM, MONGOC_ERROR_STREAM_CONNECT, "Failed to connect"),
      ErrorCode::kUnavailable);
  EXPECT_EQ(classify_driver_error(MONGOC_ERROR_SERVER, 91, "ShutdownInProgress"),
            ErrorCode::kUnavailable);
  EXPECT_EQ(classify_driver_error(MONGOC_ERROR_SERVER, 10107, "not primary"),
            ErrorCode::kUnavailable);
}

TEST(MongoError, FerretDbLosingPostgresqlIsUnavailable) {
  EXPECT_EQ(classify_driver_error(MONGOC_ERROR_SERVER, 1,
                                  "[msg_find.go:344] failed to connect to `user=shop "
                                  "database=shop_orders`: dial error: connection refused"),
            ErrorCode::kUnavailable);
  EXPECT_EQ(classify_driver_error(MONGOC_ERROR_SERVER, 1,
                                  "FATAL: terminating connection due to administrator command "
                                  "(SQLSTATE 57P01)"),
            ErrorCode::kUnavailable);
  EXPECT_EQ(classify_driver_error(MONGOC_ERROR_SERVER, 1, "unexpected nil value"),
            ErrorCode::kInternal);
}

TEST(MongoError, EverythingElseIsInternal) {
  EXPECT_EQ(classify_driver_error(MONGOC_ERROR_SERVER, 2, "BadValue"), ErrorCode::kInternal);
  EXPECT_EQ(classify_driver_error(MONGOC_ERROR_SERVER, 238, "NotImplemented"),
            ErrorCode::kInternal);
  EXPECT_EQ(classify_driver_error(MONGOC_ERROR_COMMAND, MONGOC_ERROR_COMMAND_INVALID_ARG,
                                  "replacement document contains $"),
            ErrorCode::kInternal);
  EXPECT_EQ(classify_driver_error(MONGOC_ERROR_SERVER, 50, "operation exceeded time limit"),
            ErrorCode::kDeadlineExceeded);
}

TEST(MongoError, DetailNamesTheOperationAndKeepsTheMessage) {
  const Error error = driver_error("insert", MONGOC_ERROR_SERVER, 11000,
                                   "E11000 duplicate key error collection: shop.logs");
  EXPECT_EQ(error.code, ErrorCode::kConflict);
  EXPECT_EQ(error.detail, "mongo insert: E11000 duplicate key error collection: shop.logs");
}

}  // namespace
}  // namespace shop::common::mongo
