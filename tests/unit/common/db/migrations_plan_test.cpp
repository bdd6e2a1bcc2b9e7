#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/db/migrations.hpp"

namespace shop::common::db {
namespace {

std::vector<std::string> names(const std::vector<Migration>& migrations) {
  std::vector<std::string> out;
  for (const auto& migration : migrations) out.push_back(migration.name);
  return out;
}

TEST(PlanMigrations, OrdersByNameWhateverTheInputOrder) {
  auto plan = plan_migrations({{"002_b", "B"}, {"010_c", "C"}, {"001_a", "A"}}, {});
  ASSERT_TRUE(plan);
  EXPECT_EQ(names(*plan), (std::vector<std::string>{"001_a", "002_b", "010_c"}));
  EXPECT_EQ((*plan)[0].sql, "A");
}

TEST(PlanMigrations, SkipsTheAppliedOnes) {
  auto plan = plan_migrations({{"001_a", "A"}, {"002_b", "B"}, {"003_c", "C"}}, {"002_b", "001_a"});
  ASSERT_TRUE(plan);
  EXPECT_EQ(names(*plan), (std::vector<std::string>{"003_c"}));
}

TEST(PlanMigrations, NothingLeftWhenAllAreApplied) {
  auto plan = plan_migrations({{"001_a", "A"}}, {"001_a"});
  ASSERT_TRUE(plan);
  EXPECT_TRUE(plan->empty());
}

TEST(PlanMigrations, IgnoresAppliedNamesThisBuildDoesNotKnow) {
  auto plan = plan_migrations({{"001_a", "A"}, {"002_b", "B"}}, {"001_a", "003_from_newer_build"});
  ASSERT_TRUE(plan);
  EXPECT_EQ(names(*plan), (std::vector<std::string>{"002_b"}));
}

TEST(PlanMigrations, RejectsANameGivenTwice) {
  auto plan = plan_migrations({{"001_a", "A"}, {"002_b", "B"}, {"001_a", "A again"}}, {});
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().code, ErrorCode::kInternal);
  EXPECT_NE(plan.error().detail.find("001_a"), std::string::npos);
}

TEST(PlanMigrations, EmptyInputPlansNothing) {
  auto plan = plan_migrations({}, {"001_a"});
  ASSERT_TRUE(plan);
  EXPECT_TRUE(plan->empty());
}

}  // namespace
}  // namespace shop::common::db
