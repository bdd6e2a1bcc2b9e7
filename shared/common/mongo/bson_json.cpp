#include "common/mongo/bson_json.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <string>

namespace shop::common::mongo {

Result<BsonDocument> to_bson(const boost::json::object& document) {
  const std::string text = boost::json::serialize(document);
  bson_error_t error{};
  BsonDocument bson(bson_new_from_json(reinterpret_cast<const std::uint8_t*>(text.data()),
                                       static_cast<ssize_t>(text.size()), &error));
  if (!bson) {
    return Error::bad_request(std::string("document has no BSON form: ") + error.message);
  }
  return bson;
}

Result<boost::json::object> to_json(const bson_t& document) {
  std::size_t length = 0;
  char* text = bson_as_relaxed_extended_json(&document, &length);
  if (text == nullptr) return Error::internal("document is not valid BSON");
  boost::json::parse_options options;
  // libbson prints doubles with 17+ significant digits; the default (imprecise) parser
  // could land one unit off in the last place.
  options.numbers = boost::json::number_precision::precise;
  boost::system::error_code parse_error;
  boost::json::value parsed = boost::json::parse(std::string_view(text, length), parse_error,
                                                 boost::json::storage_ptr(), options);
  bson_free(text);
  if (parse_error) return Error::internal("extended JSON from libbson: " + parse_error.message());
  if (!parsed.is_object()) return Error::internal("extended JSON from libbson is not an object");
  return std::move(parsed.as_object());
}

}  // namespace shop::common::mongo
