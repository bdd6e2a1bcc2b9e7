#include "common/db/sql_error.hpp"

namespace shop::common::db {
namespace {

constexpr std::string_view kUniqueViolation = "unique_violation";

bool in_class(std::string_view sqlstate, std::string_view error_class) {
  return sqlstate.size() == 5 && sqlstate.substr(0, 2) == error_class;
}

// Connection-level conditions: the server is going away, refusing new sessions or out
// of resources. Callers treat these like a dependency outage, not like a bad query.
bool means_unavailable(std::string_view sqlstate) {
  return in_class(sqlstate, "08") || in_class(sqlstate, "53") || sqlstate == "57P01" ||
         sqlstate == "57P02" || sqlstate == "57P03";
}

std::string_view integrity_condition(std::string_view sqlstate) {
  if (sqlstate == "23505") return kUniqueViolation;
  if (sqlstate == "23503") return "foreign_key_violation";
  if (sqlstate == "23514") return "check_violation";
  if (sqlstate == "23502") return "not_null_violation";
  if (sqlstate == "23P01") return "exclusion_violation";
  return "integrity_constraint_violation";
}

}  // namespace

std::string violation_detail(std::string_view condition, std::string_view constraint) {
  std::string detail(condition);
  detail += ':';
  detail += constraint;
  return detail;
}

bool is_unique_violation(const Error& error, std::string_view constraint) {
  return error.code == ErrorCode::kConflict &&
         error.detail == violation_detail(kUniqueViolation, constraint);
}

Error map_server_error(const ServerError& error) {
  const std::string_view state = error.sqlstate;
  if (in_class(state, "23")) {
    const std::string_view condition = integrity_condition(state);
    const bool conflict = state == "23505" || state == "23P01";
    return {conflict ? ErrorCode::kConflict : ErrorCode::kBadRequest,
            violation_detail(condition, error.constraint),
            {}};
  }
  if (in_class(state, "22")) return Error::bad_request(std::string(error.message));
  if (state == "57014")
    return Error::deadline_exceeded("query canceled: " + std::string(error.message));
  if (means_unavailable(state))
    return Error::unavailable("database: " + std::string(error.message));
  std::string detail(error.message);
  if (!state.empty()) {
    detail += " (SQLSTATE ";
    detail += state;
    detail += ')';
  }
  return Error::internal(std::move(detail));
}

}  // namespace shop::common::db
