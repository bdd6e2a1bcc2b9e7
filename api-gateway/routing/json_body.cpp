#include "routing/json_body.hpp"

#include <boost/json/basic_parser_impl.hpp>

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

#include "common/text.hpp"

namespace shop::gateway::routing {
namespace {

using boost::system::error_code;
using common::Error;

// basic_parser events: collects each object's member names and notes the first
// duplicate; everything else only has to be well-formed.
class DuplicateNameFinder {
 public:
  static constexpr std::size_t max_object_size = std::size_t(-1);
  static constexpr std::size_t max_array_size = std::size_t(-1);
  static constexpr std::size_t max_key_size = std::size_t(-1);
  static constexpr std::size_t max_string_size = std::size_t(-1);

  std::string duplicate;
  bool top_is_object = false;

  bool on_document_begin(error_code&) { return true; }
  bool on_document_end(error_code&) { return true; }
  bool on_object_begin(error_code&) {
    if (depth_ == 0) top_is_object = true;
    ++depth_;
    names_.emplace_back();
    return true;
  }
  bool on_object_end(std::size_t, error_code&) {
    --depth_;
    names_.pop_back();
    return true;
  }
  bool on_array_begin(error_code&) {
    ++depth_;
    return true;
  }
  bool on_array_end(std::size_t, error_code&) {
    --depth_;
    return true;
  }
  bool on_key_part(std::string_view part, std::size_t, error_code&) {
    key_.append(part);
    return true;
  }
  bool on_key(std::string_view part, std::size_t, error_code& ec) {
    key_.append(part);
    const bool fresh = names_.back().insert(key_).second;
    if (!fresh) {
      duplicate = key_;
      ec = boost::json::error::syntax;  // stops the parse; `duplicate` says why
    }
    key_.clear();
    return fresh;
  }
  bool on_string_part(std::string_view, std::size_t, error_code&) { return true; }
  bool on_string(std::string_view, std::size_t, error_code&) { return true; }
  bool on_number_part(std::string_view, error_code&) { return true; }
  bool on_int64(std::int64_t, std::string_view, error_code&) { return true; }
  bool on_uint64(std::uint64_t, std::string_view, error_code&) { return true; }
  bool on_double(double, std::string_view, error_code&) { return true; }
  bool on_bool(bool, error_code&) { return true; }
  bool on_null(error_code&) { return true; }
  bool on_comment_part(std::string_view, error_code&) { return true; }
  bool on_comment(std::string_view, error_code&) { return true; }

 private:
  std::size_t depth_ = 0;
  std::vector<std::unordered_set<std::string>> names_;
  std::string key_;
};

}  // namespace

common::Result<void> check_json_media_type(std::string_view content_type) {
  const auto type = common::to_lower(common::trim(content_type.substr(0, content_type.find(';'))));
  const bool json =
      type == "application/json" || (type.starts_with("application/") && type.ends_with("+json"));
  if (json) return {};
  return Error{common::ErrorCode::kUnsupportedMediaType,
               content_type.empty()
                   ? "a request body needs Content-Type: application/json"
                   : "the request body must be application/json, not " + std::string(content_type),
               {}};
}

common::Result<void> check_json_object(std::string_view text) {
  boost::json::parse_options options;
  options.max_depth = kMaxJsonDepth;
  boost::json::basic_parser<DuplicateNameFinder> parser(options);
  error_code ec;
  const auto used = parser.write_some(false, text.data(), text.size(), ec);
  const auto& found = parser.handler();
  if (!found.duplicate.empty()) {
    return Error::bad_request("the request body names '" + found.duplicate + "' twice");
  }
  if (ec) return Error::bad_request("the request body is not valid JSON: " + ec.message());
  if (used != text.size()) return Error::bad_request("the request body has data after the JSON");
  if (!found.top_is_object) return Error::bad_request("the request body must be a JSON object");
  return {};
}

}  // namespace shop::gateway::routing
