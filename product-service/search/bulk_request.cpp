#include "search/bulk_request.hpp"

#include <boost/json/serialize.hpp>

#include "search/document_json.hpp"
#include "search/json_fields.hpp"

namespace shop::product::search {
namespace {

using common::Error;
namespace fields = json_fields;

std::string failure_reason(const boost::json::object& item) {
  const auto* error = item.if_contains("error");
  if (error == nullptr || !error->is_object()) return "no reason given";
  auto type = fields::string(error->get_object(), "type");
  auto reason = fields::string(error->get_object(), "reason");
  return (type ? *type : std::string("error")) + ": " + (reason ? *reason : std::string("?"));
}

}  // namespace

std::string bulk_index_body(const std::vector<ProductDocument>& documents) {
  std::string body;
  for (const auto& document : documents) {
    const boost::json::object action{{"index", {{"_id", document.id}}}};
    body += boost::json::serialize(action);
    body += '\n';
    body += boost::json::serialize(to_json(document));
    body += '\n';
  }
  return body;
}

common::Result<BulkOutcome> parse_bulk_response(std::string_view body,
                                                const std::vector<ProductDocument>& sent) {
  auto answer = fields::parse_object(body, "bulk answer");
  if (!answer) return answer.error();
  auto items = fields::array(*answer, "items");
  if (!items) return items.error();
  if ((*items)->size() != sent.size()) {
    return Error::internal("bulk answer: " + std::to_string((*items)->size()) + " items for " +
                           std::to_string(sent.size()) + " documents");
  }
  BulkOutcome outcome;
  for (std::size_t i = 0; i < sent.size(); ++i) {
    const auto& entry = (**items)[i];
    if (!entry.is_object()) return Error::internal("bulk answer: an item is not an object");
    auto action = fields::object(entry.get_object(), "index");
    if (!action) return action.error();
    auto id = fields::string(**action, "_id");
    if (!id) return id.error();
    if (*id != sent[i].id) {
      return Error::internal("bulk answer: item " + std::to_string(i) + " is " + *id +
                             ", expected " + sent[i].id);
    }
    auto status = fields::integer(**action, "status");
    if (!status) return status.error();
    if (*status >= 200 && *status < 300) {
      ++outcome.indexed;
    } else {
      outcome.failures.push_back({*id, static_cast<int>(*status), failure_reason(**action)});
    }
  }
  return outcome;
}

}  // namespace shop::product::search
