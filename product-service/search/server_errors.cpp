#include "search/server_errors.hpp"

#include <string>

#include "search/json_fields.hpp"

namespace shop::product::search {
namespace {

// {"error": {"type": ..., "reason": ...}, "status": N}, or {"error": "text"}.
std::string reason_of(std::string_view body) {
  auto answer = json_fields::parse_object(body, "error answer");
  if (!answer) return "no error document";
  if (auto text = json_fields::string(*answer, "error")) return *text;
  auto error = json_fields::object(*answer, "error");
  if (!error) return "no error document";
  auto type = json_fields::string(**error, "type");
  auto reason = json_fields::string(**error, "reason");
  return (type ? *type : std::string("error")) + ": " + (reason ? *reason : std::string("?"));
}

}  // namespace

common::Error error_from_answer(int status, std::string_view body, std::string_view action) {
  std::string detail = std::string(action) + ": search server answered " + std::to_string(status) +
                       " (" + reason_of(body) + ")";
  if (status == 429 || status >= 500) return common::Error::unavailable(std::move(detail));
  if (status == 404) return common::Error::not_found(std::move(detail));
  if (status == 409) return common::Error::conflict(std::move(detail));
  // Any other 4xx means this code sent something the server refuses: our bug.
  return common::Error::internal(std::move(detail));
}

}  // namespace shop::product::search
