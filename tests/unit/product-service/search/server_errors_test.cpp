#include <gtest/gtest.h>

#include "search/server_errors.hpp"

namespace shop::product::search {
namespace {

using common::ErrorCode;

constexpr std::string_view kNotFound =
    R"({"error":{"root_cause":[],"type":"index_not_found_exception","reason":"no such index [products]"},"status":404})";

TEST(ServerErrors, OverloadAndServerFailuresAreUnavailable) {
  for (int status : {429, 500, 502, 503, 504}) {
    EXPECT_EQ(error_from_answer(status, "", "search").code, ErrorCode::kUnavailable) << status;
  }
}

TEST(ServerErrors, ClientErrorsKeepTheirMeaning) {
  EXPECT_EQ(error_from_answer(404, kNotFound, "search").code, ErrorCode::kNotFound);
  EXPECT_EQ(error_from_answer(409, "{}", "index").code, ErrorCode::kConflict);
  EXPECT_EQ(error_from_answer(400, "{}", "search").code, ErrorCode::kInternal);
  EXPECT_EQ(error_from_answer(413, "", "bulk").code, ErrorCode::kInternal);
}

TEST(ServerErrors, DetailNamesTheActionStatusAndReason) {
  const auto error = error_from_answer(404, kNotFound, "search");
  EXPECT_EQ(error.detail,
            "search: search server answered 404 (index_not_found_exception: no such index "
            "[products])");
  EXPECT_EQ(
      error_from_answer(404, R"({"error":"alias [products] missing","status":404})", "read alias")
          .detail,
      "read alias: search server answered 404 (alias [products] missing)");
  EXPECT_NE(error_from_answer(502, "<html>", "search").detail.find("no error document"),
            std::string::npos);
}

}  // namespace
}  // namespace shop::product::search
