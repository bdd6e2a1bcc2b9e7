#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include <sstream>

#include "sample_documents.hpp"
#include "search/bulk_request.hpp"
#include "search/document_json.hpp"

namespace shop::product::search {
namespace {

namespace json = boost::json;
using testing::sample_document;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  return lines;
}

std::string item(std::string_view id, int status, std::string_view error = "") {
  std::string text = R"({"index":{"_index":"products_v1","_id":")" + std::string(id) +
                     R"(","status":)" + std::to_string(status);
  if (!error.empty()) text += R"(,"error":)" + std::string(error);
  return text + "}}";
}

std::string answer(const std::vector<std::string>& items) {
  std::string text = R"({"took":5,"errors":false,"items":[)";
  for (std::size_t i = 0; i < items.size(); ++i) text += (i ? "," : "") + items[i];
  return text + "]}";
}

TEST(BulkBody, OneActionAndOneSourceLinePerDocument) {
  const std::vector documents{sample_document("p-1"), sample_document("p-2")};
  const auto body = bulk_index_body(documents);
  ASSERT_TRUE(body.ends_with('\n'));
  const auto lines = lines_of(body);
  ASSERT_EQ(lines.size(), 4U);
  EXPECT_EQ(json::parse(lines[0]), json::parse(R"({"index":{"_id":"p-1"}})"));
  EXPECT_EQ(json::parse(lines[1]).as_object(), to_json(documents[0]));
  EXPECT_EQ(json::parse(lines[2]), json::parse(R"({"index":{"_id":"p-2"}})"));
  EXPECT_EQ(json::parse(lines[3]).as_object(), to_json(documents[1]));
}

TEST(BulkBody, NewlinesInsideFieldsStayEscaped) {
  auto document = sample_document("p-1");
  document.description = "line one\nline two\r\n";
  const auto lines = lines_of(bulk_index_body({document}));
  ASSERT_EQ(lines.size(), 2U);
  EXPECT_EQ(json::parse(lines[1]).at("description").as_string(), document.description);
}

TEST(BulkBody, NoDocumentsNoBody) { EXPECT_EQ(bulk_index_body({}), ""); }

TEST(BulkAnswer, CountsIndexedDocuments) {
  const std::vector documents{sample_document("p-1"), sample_document("p-2")};
  auto outcome = parse_bulk_response(answer({item("p-1", 201), item("p-2", 200)}), documents);
  ASSERT_TRUE(outcome) << outcome.error().detail;
  EXPECT_EQ(outcome->indexed, 2U);
  EXPECT_TRUE(outcome->failures.empty());
}

TEST(BulkAnswer, ReportsEachRefusedDocument) {
  const std::vector documents{sample_document("p-1"), sample_document("p-2"),
                              sample_document("p-3")};
  const auto text = answer(
      {item("p-1", 201),
       item("p-2", 400, R"({"type":"mapper_parsing_exception","reason":"bad date"})"),
       item("p-3", 429, R"({"type":"es_rejected_execution_exception","reason":"queue full"})")});
  auto outcome = parse_bulk_response(text, documents);
  ASSERT_TRUE(outcome) << outcome.error().detail;
  EXPECT_EQ(outcome->indexed, 1U);
  EXPECT_EQ(outcome->failures, (std::vector<BulkItemFailure>{
                                   {"p-2", 400, "mapper_parsing_exception: bad date"},
                                   {"p-3", 429, "es_rejected_execution_exception: queue full"}}));
}

TEST(BulkAnswer, AnswerMustAccountForEveryDocumentInOrder) {
  const std::vector documents{sample_document("p-1"), sample_document("p-2")};
  EXPECT_FALSE(parse_bulk_response(answer({item("p-1", 201)}), documents));
  EXPECT_FALSE(parse_bulk_response(answer({item("p-1", 201), item("p-2", 201), item("p-3", 201)}),
                                   documents));
  EXPECT_FALSE(parse_bulk_response(answer({item("p-2", 201), item("p-1", 201)}), documents));
}

TEST(BulkAnswer, MalformedAnswersAreErrors) {
  const std::vector documents{sample_document("p-1")};
  for (const std::string text :
       {"", "{}", R"({"items":{}})", R"({"items":[7]})", R"({"items":[{"update":{}}]})",
        R"({"items":[{"index":{"_id":"p-1"}}]})",
        R"({"items":[{"index":{"_id":"p-1","status":"201"}}]})"}) {
    auto outcome = parse_bulk_response(text, documents);
    ASSERT_FALSE(outcome) << text;
    EXPECT_EQ(outcome.error().code, common::ErrorCode::kInternal);
  }
}

}  // namespace
}  // namespace shop::product::search
