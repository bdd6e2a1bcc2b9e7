#include "common/db/sql_error.hpp"

#include <gtest/gtest.h>

namespace shop::common::db {
namespace {

Error map(std::string_view sqlstate, std::string_view constraint = "",
          std::string_view message = "server says no") {
  return map_server_error({sqlstate, message, constraint});
}

TEST(MapServerError, UniqueViolationIsConflictNamingTheConstraint) {
  const Error error = map("23505", "users_email_key");
  EXPECT_EQ(error.code, ErrorCode::kConflict);
  EXPECT_EQ(error.detail, "unique_violation:users_email_key");
  EXPECT_TRUE(is_unique_violation(error, "users_email_key"));
  EXPECT_FALSE(is_unique_violation(error, "users_pkey"));
}

TEST(MapServerError, ExclusionViolationIsConflict) {
  const Error error = map("23P01", "bookings_no_overlap");
  EXPECT_EQ(error.code, ErrorCode::kConflict);
  EXPECT_EQ(error.detail, "exclusion_violation:bookings_no_overlap");
}

TEST(MapServerError, OtherIntegrityViolationsAreBadRequests) {
  EXPECT_EQ(map("23503", "orders_user_fk").code, ErrorCode::kBadRequest);
  EXPECT_EQ(map("23503", "orders_user_fk").detail, "foreign_key_violation:orders_user_fk");
  EXPECT_EQ(map("23514", "price_positive").detail, "check_violation:price_positive");
  EXPECT_EQ(map("23514", "price_positive").code, ErrorCode::kBadRequest);
  EXPECT_EQ(map("23502").code, ErrorCode::kBadRequest);
  EXPECT_EQ(map("23000").code, ErrorCode::kBadRequest);
}

TEST(MapServerError, DataExceptionsAreBadRequestsWithTheServerMessage) {
  const Error error = map("22P02", "", "invalid input syntax for type bigint: \"abc\"");
  EXPECT_EQ(error.code, ErrorCode::kBadRequest);
  EXPECT_EQ(error.detail, "invalid input syntax for type bigint: \"abc\"");
  EXPECT_EQ(map("22003").code, ErrorCode::kBadRequest);
  EXPECT_EQ(map("22001").code, ErrorCode::kBadRequest);
}

TEST(MapServerError, UniqueViolationIsNeverMistakenForAnotherCondition) {
  EXPECT_FALSE(is_unique_violation(map("23503", "users_email_key"), "users_email_key"));
  EXPECT_FALSE(is_unique_violation(Error::conflict("users_email_key"), "users_email_key"));
}

TEST(MapServerError, CanceledQueryIsDeadlineExceeded) {
  EXPECT_EQ(map("57014").code, ErrorCode::kDeadlineExceeded);
}

TEST(MapServerError, ConnectionTroubleIsUnavailable) {
  for (const char* state : {"08000", "08006", "08001", "57P01", "57P02", "57P03", "53300"}) {
    EXPECT_EQ(map(state).code, ErrorCode::kUnavailable) << state;
  }
}

TEST(MapServerError, AnythingElseIsInternalWithMessageAndState) {
  const Error error = map("42P01", "", "relation \"nope\" does not exist");
  EXPECT_EQ(error.code, ErrorCode::kInternal);
  EXPECT_EQ(error.detail, "relation \"nope\" does not exist (SQLSTATE 42P01)");
  EXPECT_EQ(map("40001").code, ErrorCode::kInternal);
  EXPECT_EQ(map("").code, ErrorCode::kInternal);
  EXPECT_EQ(map("2").code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace shop::common::db
