#include "models/stock.hpp"

#include <gtest/gtest.h>

namespace shop::product::models {
namespace {

constexpr const char* kA = "0b8f7a3e-6c1d-4e2f-9a0b-1c2d3e4f5a6b";
constexpr const char* kB = "1b8f7a3e-6c1d-4e2f-9a0b-1c2d3e4f5a6b";

TEST(StockLevel, AvailableIsOnHandMinusReserved) {
  EXPECT_EQ((StockLevel{10, 3}).available(), 7);
  EXPECT_EQ((StockLevel{0, 0}).available(), 0);
  EXPECT_EQ((StockLevel{5, 5}).available(), 0);
}

TEST(ReservationStatus, RoundTripsThroughText) {
  for (auto status :
       {ReservationStatus::kReserved, ReservationStatus::kCommitted, ReservationStatus::kReleased,
        ReservationStatus::kExpired, ReservationStatus::kReturned}) {
    EXPECT_EQ(parse_reservation_status(to_string(status)), status);
  }
  EXPECT_EQ(to_string(ReservationStatus::kReturned), "returned");
  EXPECT_EQ(parse_reservation_status("RESERVED"), std::nullopt);
  EXPECT_EQ(parse_reservation_status(""), std::nullopt);
}

TEST(NormalizeReservation, MergesLinesOfOneProductAndSortsByProduct) {
  auto lines = normalize_reservation("order-1", {{kB, 2}, {kA, 1}, {kB, 3}});
  ASSERT_TRUE(lines);
  ASSERT_EQ(lines->size(), 2u);
  EXPECT_EQ((*lines)[0].product_id, kA);
  EXPECT_EQ((*lines)[0].quantity, 1);
  EXPECT_EQ((*lines)[1].product_id, kB);
  EXPECT_EQ((*lines)[1].quantity, 5);
}

TEST(NormalizeReservation, ListsEveryInvalidField) {
  auto lines = normalize_reservation("", {{"not-a-uuid", 0}, {kA, 10'001}});
  ASSERT_FALSE(lines);
  EXPECT_EQ(lines.error().code, common::ErrorCode::kValidation);
  std::vector<std::string> fields;
  for (const auto& field : lines.error().fields) fields.push_back(field.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"order_id", "items[0].product_id",
                                              "items[0].quantity", "items[1].quantity"}));
}

TEST(NormalizeReservation, RefusesNoLinesAndTooManyUnitsOnceMerged) {
  EXPECT_FALSE(normalize_reservation("order-1", {}));
  auto merged = normalize_reservation("order-1", {{kA, 6'000}, {kA, 6'000}});
  ASSERT_FALSE(merged);
  EXPECT_EQ(merged.error().fields.at(0).field, "items");
}

TEST(Transitions, CommitAppliesOnceAndNeverAfterRelease) {
  EXPECT_EQ(on_commit(ReservationStatus::kReserved), Transition::kApply);
  EXPECT_EQ(on_commit(ReservationStatus::kCommitted), Transition::kAlreadyDone);
  EXPECT_EQ(on_commit(ReservationStatus::kReleased), Transition::kRefuse);
  EXPECT_EQ(on_commit(ReservationStatus::kExpired), Transition::kRefuse);
}

TEST(Transitions, CommitAfterReturnIsAlreadyDoneAndSellsNothingAgain) {
  EXPECT_EQ(on_commit(ReservationStatus::kReturned), Transition::kAlreadyDone);
}

TEST(Transitions, ReleaseAppliesOnceAndNeverAfterCommit) {
  EXPECT_EQ(on_release(ReservationStatus::kReserved), Transition::kApply);
  EXPECT_EQ(on_release(ReservationStatus::kReleased), Transition::kAlreadyDone);
  EXPECT_EQ(on_release(ReservationStatus::kExpired), Transition::kAlreadyDone);
  EXPECT_EQ(on_release(ReservationStatus::kCommitted), Transition::kRefuse);
}

TEST(Transitions, ReleaseAfterReturnIsAlreadyDone) {
  EXPECT_EQ(on_release(ReservationStatus::kReturned), Transition::kAlreadyDone);
}

TEST(Transitions, ReturnAppliesOnceAndOnlyToACommittedReservation) {
  EXPECT_EQ(on_return(ReservationStatus::kCommitted), Transition::kApply);
  EXPECT_EQ(on_return(ReservationStatus::kReturned), Transition::kAlreadyDone);
  EXPECT_EQ(on_return(ReservationStatus::kReserved), Transition::kRefuse);
  EXPECT_EQ(on_return(ReservationStatus::kReleased), Transition::kRefuse);
  EXPECT_EQ(on_return(ReservationStatus::kExpired), Transition::kRefuse);
}

TEST(Transitions, RefusedReturnNamesTheStatus) {
  auto refused = must_apply(on_return(ReservationStatus::kReserved), ReservationStatus::kReserved);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, common::ErrorCode::kConflict);
  EXPECT_EQ(refused.error().detail, "the reservation is reserved");
}

TEST(Transitions, MustApplyTurnsTheDecisionIntoAnAnswer) {
  EXPECT_EQ(must_apply(Transition::kApply, ReservationStatus::kReserved).value(), true);
  EXPECT_EQ(must_apply(Transition::kAlreadyDone, ReservationStatus::kCommitted).value(), false);
  auto refused = must_apply(Transition::kRefuse, ReservationStatus::kReleased);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, common::ErrorCode::kConflict);
  EXPECT_EQ(refused.error().detail, "the reservation is released");
}

TEST(StockSignals, BackInStockOnlyWhenNothingWasAvailable) {
  EXPECT_TRUE(is_back_in_stock(0, 1));
  EXPECT_TRUE(is_back_in_stock(0, 50));
  EXPECT_FALSE(is_back_in_stock(1, 50));
  EXPECT_FALSE(is_back_in_stock(0, 0));
  EXPECT_FALSE(is_back_in_stock(3, 0));
}

TEST(StockSignals, LowStockOnceOnTheWayDown) {
  EXPECT_TRUE(crosses_low_stock(6, 5, 5));
  EXPECT_TRUE(crosses_low_stock(100, 0, 5));
  EXPECT_FALSE(crosses_low_stock(5, 4, 5));  // already below: said before
  EXPECT_FALSE(crosses_low_stock(4, 9, 5));  // going up
  EXPECT_FALSE(crosses_low_stock(10, 6, 5));
}

TEST(CheckNewOnHand, NeverBelowReservedNorNegative) {
  EXPECT_TRUE(check_new_on_hand(3, {10, 3}));
  EXPECT_TRUE(check_new_on_hand(0, {10, 0}));
  auto below = check_new_on_hand(2, {10, 3});
  ASSERT_FALSE(below);
  EXPECT_EQ(below.error().code, common::ErrorCode::kConflict);
  auto negative = check_new_on_hand(-1, {0, 0});
  ASSERT_FALSE(negative);
  EXPECT_EQ(negative.error().code, common::ErrorCode::kValidation);
  EXPECT_FALSE(check_new_on_hand(kMaxOnHand + 1, {0, 0}));
}

}  // namespace
}  // namespace shop::product::models
