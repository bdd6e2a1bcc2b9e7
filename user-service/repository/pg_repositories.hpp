#pragma once
// PostgreSQL adapters for the user-service repositories.

#include <memory>

#include "common/db/pool.hpp"
#include "common/mq/outbox.hpp"
#include "repository/user_repository.hpp"

namespace shop::user::repository {

class PgUserRepository final : public UserRepository {
 public:
  explicit PgUserRepository(std::shared_ptr<common::db::Pool> pool) : pool_(std::move(pool)) {}

  // UserRepository
  Task<models::User> create(const models::NewUser& user) override;
  Task<void> create_if_absent(const models::NewUser& user) override;
  Task<std::optional<Credentials>> find_credentials(const std::string& email) override;
  Task<models::User> find_by_id(const std::string& id) override;
  Task<models::User> update_profile(const std::string& id,
                                    const models::ProfileChange& change) override;

 private:
  // Inserts with `sql` (RETURNING the user's columns, or nothing when it inserted
  // nothing) and records user.registered for a new account in the same transaction.
  Task<std::optional<models::User>> insert_and_announce(const std::string& sql,
                                                        const models::NewUser& user);

  std::shared_ptr<common::db::Pool> pool_;
  common::mq::Outbox outbox_{"/user-service"};
};

class PgTokenRepository final : public TokenRepository {
 public:
  explicit PgTokenRepository(std::shared_ptr<common::db::Pool> pool) : pool_(std::move(pool)) {}

  // TokenRepository
  Task<void> store(const RefreshToken& token) override;
  Task<Rotation> rotate(const std::string& presented_hash, const std::string& successor_hash,
                        std::int64_t successor_ttl_seconds) override;
  Task<void> revoke_family_of(const std::string& token_hash) override;

 private:
  std::shared_ptr<common::db::Pool> pool_;
};

class PgKeyRepository final : public KeyRepository {
 public:
  explicit PgKeyRepository(std::shared_ptr<common::db::Pool> pool) : pool_(std::move(pool)) {}

  // KeyRepository
  Task<std::vector<StoredKey>> load_or_create(const StoredKey& candidate) override;

 private:
  std::shared_ptr<common::db::Pool> pool_;
};

}  // namespace shop::user::repository
