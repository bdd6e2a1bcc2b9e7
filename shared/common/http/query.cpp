#include "common/http/query.hpp"

#include <boost/url/encoding_opts.hpp>
#include <boost/url/parse_query.hpp>

namespace shop::common::http {

std::optional<std::string> query_param(std::string_view target, std::string_view name) {
  const auto question = target.find('?');
  if (question == std::string_view::npos) return std::nullopt;
  const auto parsed = boost::urls::parse_query(target.substr(question + 1));
  if (!parsed) return std::nullopt;
  boost::urls::encoding_opts form_encoding;
  form_encoding.space_as_plus = true;
  for (const auto& param : *parsed) {
    if (param.key.decode(form_encoding) == name) return param.value.decode(form_encoding);
  }
  return std::nullopt;
}

}  // namespace shop::common::http
