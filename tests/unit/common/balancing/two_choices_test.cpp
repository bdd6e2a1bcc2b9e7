// The power of two choices: the less busy of two different random instances.

#include "common/balancing/two_choices.hpp"

#include <gtest/gtest.h>

#include <map>

namespace shop::common::balancing {
namespace {

// Returns the given values in turn.
resilience::UniformRandom sequence(std::vector<double> values) {
  auto index = std::make_shared<std::size_t>(0);
  return [values = std::move(values), index] { return values[(*index)++ % values.size()]; };
}

TEST(TwoChoices, TakesTheLessBusyOfTheTwoDrawn) {
  const std::vector<Candidate> candidates{{5, true}, {1, true}, {9, true}};
  // Draws index 0, then index 1 of the remaining two ({1, 2}) -> instance 2 vs 0.
  EXPECT_EQ(pick_two_choices(candidates, sequence({0.0, 0.9})), 0U);
  // Draws 2 then 0: instance 2 (9) against 0 (5).
  EXPECT_EQ(pick_two_choices(candidates, sequence({0.9, 0.0})), 0U);
  // Draws 1 then 0: instance 1 (1) against 0 (5).
  EXPECT_EQ(pick_two_choices(candidates, sequence({0.5, 0.0})), 1U);
}

TEST(TwoChoices, NeverDrawsTheSameInstanceTwice) {
  const std::vector<Candidate> candidates{{3, true}, {0, true}};
  // Both draws land on index 0 of their range: the second means "the other one".
  EXPECT_EQ(pick_two_choices(candidates, sequence({0.0, 0.0})), 1U);
}

TEST(TwoChoices, SkipsUnavailableInstances) {
  const std::vector<Candidate> candidates{{0, false}, {7, true}, {0, false}};
  EXPECT_EQ(pick_two_choices(candidates, sequence({0.3, 0.6})), 1U);
  EXPECT_FALSE(pick_two_choices({{0, false}, {0, false}}, sequence({0.1})));
  EXPECT_FALSE(pick_two_choices({}, sequence({0.1})));
}

TEST(TwoChoices, RandomEdgesStayInRange) {
  const std::vector<Candidate> candidates{{1, true}, {1, true}, {1, true}};
  for (const double edge : {0.0, 0.999999, 1.0}) {
    const auto picked = pick_two_choices(candidates, sequence({edge, edge}));
    ASSERT_TRUE(picked);
    EXPECT_LT(*picked, candidates.size());
  }
}

TEST(TwoChoices, SpreadsEquallyBusyInstancesEvenly) {
  const std::vector<Candidate> candidates(4, Candidate{0, true});
  std::map<std::size_t, int> chosen;
  for (int i = 0; i < 4000; ++i)
    ++chosen[*pick_two_choices(candidates, resilience::thread_local_uniform)];
  ASSERT_EQ(chosen.size(), 4U);
  for (const auto& [index, count] : chosen) {
    EXPECT_GT(count, 800) << index;
    EXPECT_LT(count, 1200) << index;
  }
}

}  // namespace
}  // namespace shop::common::balancing
