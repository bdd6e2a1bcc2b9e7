#pragma once
// A UserRepository that answers find_by_id from the UserCache when it can and passes
// everything else through to the repository it wraps.

#include <memory>

#include "cache/user_cache.hpp"
#include "repository/user_repository.hpp"

namespace shop::user::repository {

class CachedUserRepository final : public UserRepository {
 public:
  CachedUserRepository(std::shared_ptr<UserRepository> inner,
                       std::shared_ptr<cache::UserCache> cache)
      : inner_(std::move(inner)), cache_(std::move(cache)) {}

  // UserRepository
  Task<models::User> create(const models::NewUser& user) override;
  Task<void> create_if_absent(const models::NewUser& user) override;
  Task<std::optional<Credentials>> find_credentials(const std::string& email) override;
  Task<models::User> find_by_id(const std::string& id) override;
  Task<models::User> update_profile(const std::string& id,
                                    const models::ProfileChange& change) override;

 private:
  std::shared_ptr<UserRepository> inner_;
  std::shared_ptr<cache::UserCache> cache_;
};

}  // namespace shop::user::repository
