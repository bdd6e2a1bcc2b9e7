#include "cache/user_cache.hpp"

#include <gtest/gtest.h>

#include "common/resilience/fake_clock.hpp"

namespace shop::user::cache {
namespace {

using std::chrono::seconds;

models::User user(std::string id, std::string name = "Ann") {
  return models::User{std::move(id), "ann@example.com", std::move(name), {"customer"}, {}, ""};
}

class UserCacheTest : public ::testing::Test {
 protected:
  common::resilience::FakeClock clock;
  UserCache cache{{.capacity = 3, .ttl = seconds(60)}, clock};

  void store(const models::User& entry) { cache.store(entry, cache.generation()); }
};

TEST_F(UserCacheTest, ServesNothingUntilTheListenerConnects) {
  store(user("a"));
  EXPECT_FALSE(cache.find("a"));
  cache.enable();
  store(user("a"));
  ASSERT_TRUE(cache.find("a"));
  EXPECT_EQ(cache.find("a")->name, "Ann");
}

TEST_F(UserCacheTest, InvalidateForgetsTheUser) {
  cache.enable();
  store(user("a"));
  store(user("b"));
  cache.invalidate("a");
  EXPECT_FALSE(cache.find("a"));
  EXPECT_TRUE(cache.find("b"));
}

TEST_F(UserCacheTest, AReadThatOverlappedAnInvalidationIsNotStored) {
  cache.enable();
  const auto before_read = cache.generation();
  cache.invalidate("a");  // the row changed while the read was in flight
  cache.store(user("a", "Old name"), before_read);
  EXPECT_FALSE(cache.find("a"));
}

TEST_F(UserCacheTest, LosingTheListenerEmptiesAndDisablesIt) {
  cache.enable();
  store(user("a"));
  cache.disable();
  EXPECT_FALSE(cache.find("a"));
  store(user("a"));
  EXPECT_FALSE(cache.find("a"));
}

TEST_F(UserCacheTest, ReconnectingStartsEmpty) {
  cache.enable();
  store(user("a"));
  cache.enable();  // notifications may have been missed in between
  EXPECT_FALSE(cache.find("a"));
}

TEST_F(UserCacheTest, EntriesExpireAfterTheTtl) {
  cache.enable();
  store(user("a"));
  clock.advance(seconds(59));
  EXPECT_TRUE(cache.find("a"));
  clock.advance(seconds(1));
  EXPECT_FALSE(cache.find("a"));
  EXPECT_EQ(cache.size(), 0U);
}

TEST_F(UserCacheTest, NeverHoldsMoreThanItsCapacity) {
  cache.enable();
  for (const char* id : {"a", "b", "c", "d", "e"}) store(user(id));
  EXPECT_EQ(cache.size(), 3U);
  EXPECT_TRUE(cache.find("e"));
  store(user("e", "Renamed"));  // replacing an entry evicts nothing
  EXPECT_EQ(cache.size(), 3U);
  EXPECT_EQ(cache.find("e")->name, "Renamed");
}

TEST(UserCacheOffTest, CapacityZeroStoresNothing) {
  UserCache cache({.capacity = 0, .ttl = seconds(60)});
  cache.enable();
  cache.store(user("a"), cache.generation());
  EXPECT_FALSE(cache.find("a"));
}

}  // namespace
}  // namespace shop::user::cache
