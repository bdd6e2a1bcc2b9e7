#include "common/db/transaction.hpp"

namespace shop::common::db::detail {

Result<void> check_committed(const QueryResult& commit) {
  if (commit.command_tag() == "ROLLBACK") {
    return Error::internal("the transaction was rolled back because one of its statements failed");
  }
  return {};
}

}  // namespace shop::common::db::detail
