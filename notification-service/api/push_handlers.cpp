#include "api/push_handlers.hpp"

#include "common/auth/base64url.hpp"
#include "common/identity/access.hpp"
#include "common/runtime/blocking.hpp"
#include "push/payload_encryption.hpp"
#include "webhook/target_guard.hpp"

namespace shop::notification::api {
namespace {

constexpr std::size_t kMaxEndpointBytes = 2048;
constexpr std::size_t kUncompressedPointBytes = 65;

std::vector<common::FieldError> key_problems(const v1::PushSubscriptionKeys& keys) {
  std::vector<common::FieldError> problems;
  const auto p256dh = common::auth::base64url_decode(keys.p256dh());
  if (!p256dh || p256dh->size() != kUncompressedPointBytes || (*p256dh)[0] != '\x04')
    problems.push_back({"keys.p256dh", "must be an uncompressed P-256 point, base64url"});
  const auto auth = common::auth::base64url_decode(keys.auth());
  if (!auth || auth->size() != push::kAuthSecretBytes)
    problems.push_back({"keys.auth", "must be 16 bytes, base64url"});
  return problems;
}

}  // namespace

Task<v1::PushKey> push_key(const Deps& deps) {
  v1::PushKey key;
  key.set_public_key(deps.vapid_public_key);
  co_return key;
}

Task<v1::PushSubscription> create_push_subscription(const Deps& deps,
                                                    const v1::PushSubscriptionRequest& request,
                                                    common::grpc_glue::CallContext call) {
  auto claims = co_await common::identity::require_customer(*deps.authenticator, call);
  if (!claims) co_return claims.error();
  if (auto problems = key_problems(request.keys()); !problems.empty())
    co_return common::Error::validation(std::move(problems));
  const auto& endpoint = request.endpoint();
  if (endpoint.empty() || endpoint.size() > kMaxEndpointBytes)
    co_return common::Error::validation({{"endpoint", "must be a URL of at most 2048 bytes"}});
  auto vetted = co_await webhook::vet_target(*deps.blocking, endpoint, deps.allow_private_targets);
  if (!vetted) {
    if (vetted.error().code != common::ErrorCode::kValidation) co_return vetted.error();
    co_return common::Error::validation(
        {{"endpoint", vetted.error().fields.empty() ? vetted.error().detail
                                                    : vetted.error().fields[0].message}});
  }
  const repository::PushSubscription subscription{.user_id = claims->subject,
                                                  .endpoint = endpoint,
                                                  .p256dh = request.keys().p256dh(),
                                                  .auth = request.keys().auth()};
  auto saved = co_await deps.subscriptions->save_push_subscription(subscription);
  if (!saved) co_return saved.error();
  v1::PushSubscription message;
  message.set_id(saved->id);
  message.set_endpoint(saved->endpoint);
  message.set_created_at(saved->created_at);
  co_return message;
}

Task<google::protobuf::Empty> delete_push_subscription(
    const Deps& deps, const v1::DeletePushSubscriptionRequest& request,
    common::grpc_glue::CallContext call) {
  auto claims = co_await common::identity::require_customer(*deps.authenticator, call);
  if (!claims) co_return claims.error();
  auto deleted =
      co_await deps.subscriptions->delete_push_subscription(claims->subject, request.endpoint());
  if (!deleted) co_return deleted.error();
  co_return google::protobuf::Empty{};
}

}  // namespace shop::notification::api
