#include "models/idempotency.hpp"

#include <gtest/gtest.h>

namespace shop::payment::models {
namespace {

TEST(JudgeRepeat, SameRequestAfterTheAnswerReplaysIt) {
  EXPECT_EQ(judge_repeat({"f1", true, false}, "f1"), RepeatVerdict::kReplay);
}

TEST(JudgeRepeat, SameRequestWhileTheFirstRunsIsInFlight) {
  EXPECT_EQ(judge_repeat({"f1", false, true}, "f1"), RepeatVerdict::kInFlight);
  // Answered but still holding it back (the slow card): not yet.
  EXPECT_EQ(judge_repeat({"f1", true, true}, "f1"), RepeatVerdict::kInFlight);
  EXPECT_EQ(judge_repeat({"f1", false, false}, "f1"), RepeatVerdict::kInFlight);
}

TEST(JudgeRepeat, AnotherRequestWithTheKeyIsRefusedWhateverTheState) {
  for (const bool answered : {false, true}) {
    for (const bool in_flight : {false, true}) {
      EXPECT_EQ(judge_repeat({"f1", answered, in_flight}, "f2"), RepeatVerdict::kReused);
    }
  }
}

}  // namespace
}  // namespace shop::payment::models
