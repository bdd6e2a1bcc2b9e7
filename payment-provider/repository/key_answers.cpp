#include "repository/key_answers.hpp"

namespace shop::payment::repository {
namespace {

constexpr std::string_view kRecordAnswer =
    "UPDATE idempotency_keys SET response_status = $4, response_body = $5 "
    "WHERE account = $1 AND idempotency_key = $2 AND holder = $3";

}  // namespace

Task<void> record_answer(common::db::Connection& connection, const KeyClaim& claim,
                         const StoredResponse& response) {
  auto updated = co_await connection.query(
      kRecordAnswer, common::db::make_params(claim.account, claim.key, claim.holder,
                                             response.status, response.body));
  if (!updated) co_return updated.error();
  if (updated->affected_rows() == 0)
    co_return common::Error::conflict("the idempotency key is no longer held by this request");
  co_return common::Result<void>{};
}

}  // namespace shop::payment::repository
