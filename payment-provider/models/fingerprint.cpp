#include "models/fingerprint.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <vector>

#include "common/auth/sha256.hpp"

namespace shop::payment::models {
namespace {

void append_canonical(const boost::json::value& value, std::string& out) {
  if (value.is_object()) {
    const auto& object = value.as_object();
    std::vector<const boost::json::key_value_pair*> members;
    members.reserve(object.size());
    for (const auto& member : object) members.push_back(&member);
    std::sort(members.begin(), members.end(),
              [](const auto* a, const auto* b) { return a->key() < b->key(); });
    out += '{';
    for (const auto* member : members) {
      if (out.back() != '{') out += ',';
      out += boost::json::serialize(boost::json::value(member->key()));
      out += ':';
      append_canonical(member->value(), out);
    }
    out += '}';
  } else if (value.is_array()) {
    out += '[';
    for (const auto& item : value.as_array()) {
      if (out.back() != '[') out += ',';
      append_canonical(item, out);
    }
    out += ']';
  } else {
    out += boost::json::serialize(value);
  }
}

}  // namespace

std::string canonical_json(const boost::json::value& value) {
  std::string out;
  append_canonical(value, out);
  return out;
}

std::string request_fingerprint(std::string_view method, std::string_view path,
                                const boost::json::value& body) {
  std::string subject(method);
  subject.append(" ").append(path).append("\n").append(canonical_json(body));
  return common::auth::sha256_hex(subject);
}

}  // namespace shop::payment::models
