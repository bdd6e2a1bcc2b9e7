#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "mongo_fixture.hpp"

namespace shop::common::mongo::testing {
namespace {

namespace json = boost::json;

json::object parse(const char* text) { return json::parse(text).as_object(); }

std::vector<std::int64_t> numbers(const std::vector<json::object>& documents) {
  std::vector<std::int64_t> found;
  found.reserve(documents.size());
  for (const auto& document : documents) found.push_back(document.at("n").as_int64());
  return found;
}

class MongoDatabaseTest : public MongoTest {};

TEST_F(MongoDatabaseTest, CrudRoundTrip) {
  const std::string carts = collection("carts");
  json::object line = parse(R"({"_id": "u1:p1", "user": "u1", "product": "p1", "quantity": 2,
                                 "price": {"amount": 1999, "currency": "EUR"},
                                 "ratio": 0.25, "tags": ["gift", "sale"], "note": null})");
  line["big"] = std::numeric_limits<std::int64_t>::max();

  auto inserted = run(db_->insert_one(carts, line));
  ASSERT_TRUE(inserted) << inserted.error().detail;
  auto found = run(db_->find_one(carts, parse(R"({"_id": "u1:p1"})")));
  ASSERT_TRUE(found) << found.error().detail;
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ(**found, line);
  EXPECT_EQ(run(db_->count(carts, {})).value(), 1);

  auto updated = run(db_->update_one(carts, parse(R"({"_id": "u1:p1"})"),
                                     parse(R"({"$inc": {"quantity": 3}, "$set": {"note": "x"}})"),
                                     Upsert::kNo));
  ASSERT_TRUE(updated) << updated.error().detail;
  EXPECT_EQ(updated->matched, 1);
  EXPECT_EQ(updated->modified, 1);
  EXPECT_FALSE(updated->upserted_id);
  found = run(db_->find_one(carts, parse(R"({"user": "u1", "product": "p1"})")));
  ASSERT_TRUE(found && found->has_value());
  EXPECT_EQ((**found).at("quantity"), json::value(std::int64_t{5}));
  EXPECT_EQ((**found).at("note"), json::value("x"));

  auto replaced = run(db_->replace_one(carts, parse(R"({"_id": "u1:p1"})"),
                                       parse(R"({"user": "u1", "product": "p1", "quantity": 1})"),
                                       Upsert::kNo));
  ASSERT_TRUE(replaced) << replaced.error().detail;
  EXPECT_EQ(replaced->matched, 1);
  found = run(db_->find_one(carts, parse(R"({"_id": "u1:p1"})")));
  ASSERT_TRUE(found && found->has_value());
  EXPECT_EQ(**found, parse(R"({"_id": "u1:p1", "user": "u1", "product": "p1", "quantity": 1})"));

  auto deleted = run(db_->delete_one(carts, parse(R"({"_id": "u1:p1"})")));
  ASSERT_TRUE(deleted) << deleted.error().detail;
  EXPECT_EQ(*deleted, 1);
  found = run(db_->find_one(carts, parse(R"({"_id": "u1:p1"})")));
  ASSERT_TRUE(found) << found.error().detail;
  EXPECT_FALSE(found->has_value());
  EXPECT_EQ(run(db_->count(carts, {})).value(), 0);
  EXPECT_EQ(run(db_->delete_one(carts, parse(R"({"_id": "u1:p1"})"))).value(), 0);
}

TEST_F(MongoDatabaseTest, SortLimitSkipAndProjection) {
  const std::string items = collection("items");
  for (const std::int64_t n : {4, 9, 0, 7, 2, 5, 8, 1, 6, 3}) {
    json::object document{{"n", n}, {"even", n % 2 == 0}, {"payload", "p" + std::to_string(n)}};
    ASSERT_TRUE(run(db_->insert_one(items, document)));
  }

  FindOptions top{.sort = parse(R"({"n": -1})"), .limit = 3};
  auto found = run(db_->find(items, {}, top));
  ASSERT_TRUE(found) << found.error().detail;
  EXPECT_EQ(numbers(*found), (std::vector<std::int64_t>{9, 8, 7}));

  FindOptions page{.sort = parse(R"({"n": 1})"),
                   .projection = parse(R"({"_id": 0, "n": 1})"),
                   .limit = 2,
                   .skip = 2};
  found = run(db_->find(items, {}, page));
  ASSERT_TRUE(found) << found.error().detail;
  EXPECT_EQ(numbers(*found), (std::vector<std::int64_t>{2, 3}));
  for (const auto& document : *found) EXPECT_EQ(document.size(), 1U) << json::value(document);

  FindOptions evens_desc{.sort = parse(R"({"even": -1, "n": -1})"), .limit = 4};
  found = run(db_->find(items, parse(R"({"n": {"$gte": 3}})"), evens_desc));
  ASSERT_TRUE(found) << found.error().detail;
  EXPECT_EQ(numbers(*found), (std::vector<std::int64_t>{8, 6, 4, 9}));

  auto first = run(db_->find_one(items, parse(R"({"even": false})"), top));
  ASSERT_TRUE(first && first->has_value());
  EXPECT_EQ((**first).at("n"), json::value(std::int64_t{9}));
  EXPECT_EQ(run(db_->count(items, parse(R"({"even": true})"))).value(), 5);
  EXPECT_EQ(run(db_->delete_many(items, parse(R"({"n": {"$lt": 4}})"))).value(), 4);
  EXPECT_EQ(run(db_->count(items, {})).value(), 6);

  FindOptions negative{.limit = -1};
  auto refused = run(db_->find(items, {}, negative));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kBadRequest);
}

TEST_F(MongoDatabaseTest, UpsertInsertsOnceThenUpdates) {
  const std::string carts = collection("carts");
  const json::object line = parse(R"({"user": "u1", "product": "p9"})");
  const json::object add_two = parse(R"({"$inc": {"quantity": 2}, "$set": {"currency": "EUR"}})");

  auto missing = run(db_->update_one(carts, line, add_two, Upsert::kNo));
  ASSERT_TRUE(missing) << missing.error().detail;
  EXPECT_EQ(missing->matched, 0);
  EXPECT_FALSE(missing->upserted_id);
  EXPECT_EQ(run(db_->count(carts, {})).value(), 0);

  auto created = run(db_->update_one(carts, line, add_two, Upsert::kYes));
  ASSERT_TRUE(created) << created.error().detail;
  EXPECT_EQ(created->matched, 0);
  EXPECT_TRUE(created->upserted_id);
  auto again = run(db_->update_one(carts, line, add_two, Upsert::kYes));
  ASSERT_TRUE(again) << again.error().detail;
  EXPECT_EQ(again->matched, 1);
  EXPECT_FALSE(again->upserted_id);

  auto found = run(db_->find(carts, line));
  ASSERT_TRUE(found) << found.error().detail;
  ASSERT_EQ(found->size(), 1U);
  EXPECT_EQ(found->front().at("quantity"), json::value(std::int64_t{4}));
  EXPECT_EQ(found->front().at("user"), json::value("u1"));

  const json::object projection_filter = parse(R"({"_id": "order-1"})");
  const json::object projection = parse(R"({"_id": "order-1", "status": "placed", "version": 1})");
  auto placed = run(db_->replace_one(carts, projection_filter, projection, Upsert::kYes));
  ASSERT_TRUE(placed) << placed.error().detail;
  ASSERT_TRUE(placed->upserted_id);
  EXPECT_EQ(*placed->upserted_id, json::value("order-1"));
  const json::object paid = parse(R"({"_id": "order-1", "status": "paid", "version": 2})");
  auto replaced = run(db_->replace_one(carts, projection_filter, paid, Upsert::kYes));
  ASSERT_TRUE(replaced) << replaced.error().detail;
  EXPECT_EQ(replaced->matched, 1);
  EXPECT_FALSE(replaced->upserted_id);
  auto stored = run(db_->find_one(carts, projection_filter));
  ASSERT_TRUE(stored && stored->has_value());
  EXPECT_EQ(**stored, paid);
}

TEST_F(MongoDatabaseTest, UniqueIndexRefusesADuplicateAsConflict) {
  const std::string log = collection("order_events");
  const json::object keys = parse(R"({"order_id": 1, "seq": 1})");
  for (int round = 0; round < 2; ++round) {
    auto created = run(db_->create_index(log, keys, Unique::kYes, "order_seq"));
    ASSERT_TRUE(created) << "round " << round << ": " << created.error().detail;
  }

  ASSERT_TRUE(run(db_->insert_one(log, parse(R"({"order_id": "o1", "seq": 1, "type": "a"})"))));
  auto duplicate = run(db_->insert_one(log, parse(R"({"order_id": "o1", "seq": 1, "type": "b"})")));
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict) << duplicate.error().detail;
  ASSERT_TRUE(run(db_->insert_one(log, parse(R"({"order_id": "o1", "seq": 2, "type": "c"})"))));
  ASSERT_TRUE(run(db_->insert_one(log, parse(R"({"order_id": "o2", "seq": 1, "type": "d"})"))));

  auto same_id = run(db_->insert_one(log, parse(R"({"_id": "x", "order_id": "o3", "seq": 1})")));
  ASSERT_TRUE(same_id) << same_id.error().detail;
  same_id = run(db_->insert_one(log, parse(R"({"_id": "x", "order_id": "o3", "seq": 2})")));
  ASSERT_FALSE(same_id);
  EXPECT_EQ(same_id.error().code, ErrorCode::kConflict);

  EXPECT_EQ(run(db_->count(log, {})).value(), 4);
  FindOptions by_seq{.sort = parse(R"({"seq": 1})")};
  auto o1 = run(db_->find(log, parse(R"({"order_id": "o1"})"), by_seq));
  ASSERT_TRUE(o1) << o1.error().detail;
  ASSERT_EQ(o1->size(), 2U);
  EXPECT_EQ(o1->front().at("type"), json::value("a"));
}

TEST_F(MongoDatabaseTest, DropCollectionIsIdempotent) {
  const std::string scratch = collection("scratch");
  ASSERT_TRUE(run(db_->insert_one(scratch, parse(R"({"a": 1})"))));
  ASSERT_TRUE(run(db_->drop_collection(scratch)));
  EXPECT_EQ(run(db_->count(scratch, {})).value(), 0);
  auto again = run(db_->drop_collection(scratch));
  EXPECT_TRUE(again) << again.error().detail;
}

}  // namespace
}  // namespace shop::common::mongo::testing
