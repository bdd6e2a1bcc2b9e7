#pragma once
// Recording a request's answer under its Idempotency-Key on a given connection, so that
// the adapters that change data record it inside their own transaction.

#include "common/db/connection.hpp"
#include "repository/idempotency_repository.hpp"

namespace shop::payment::repository {

// kConflict when `claim` no longer holds the key (its lease ran out and another request
// took the key over): the caller's transaction must not commit then.
Task<void> record_answer(common::db::Connection& connection, const KeyClaim& claim,
                         const StoredResponse& response);

}  // namespace shop::payment::repository
