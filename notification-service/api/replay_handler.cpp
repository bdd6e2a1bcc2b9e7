#include "api/replay_handler.hpp"

#include "common/identity/access.hpp"
#include "common/mq/cloud_event.hpp"
#include "common/mq/rfc3339.hpp"
#include "events/event_archive.hpp"

namespace shop::notification::api {
namespace {

common::Result<events::ReplayRange> range_of(const v1::ReplayEventsRequest& request) {
  std::vector<common::FieldError> problems;
  const auto from = common::mq::parse_rfc3339(request.from());
  const auto to = common::mq::parse_rfc3339(request.to());
  if (!from) problems.push_back({"from", "must be an RFC 3339 time"});
  if (!to) problems.push_back({"to", "must be an RFC 3339 time"});
  if (from && to && *from >= *to) problems.push_back({"to", "must be after from"});
  for (const auto& type : request.types()) {
    if (!common::mq::is_valid_event_type(type)) {
      problems.push_back({"types", "\"" + type + "\" is not an event type"});
      break;
    }
  }
  if (!problems.empty()) return common::Error::validation(std::move(problems));
  return events::ReplayRange{*from, *to, {request.types().begin(), request.types().end()}};
}

}  // namespace

Task<v1::ReplayEventsResult> replay_events(const Deps& deps, const v1::ReplayEventsRequest& request,
                                           common::grpc_glue::CallContext call) {
  auto claims = co_await common::identity::require_admin(*deps.authenticator, call);
  if (!claims) co_return claims.error();
  auto range = range_of(request);
  if (!range) co_return range.error();
  auto replayed = co_await events::replay_events(*deps.pool, *deps.publisher, *range);
  if (!replayed) co_return replayed.error();
  v1::ReplayEventsResult result;
  result.set_replayed(*replayed);
  co_return result;
}

}  // namespace shop::notification::api
