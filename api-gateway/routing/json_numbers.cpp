#include "routing/json_numbers.hpp"

#include <charconv>
#include <set>
#include <string_view>

namespace shop::gateway::routing {
namespace {

namespace pb = google::protobuf;

constexpr std::int64_t kLargestExactInDouble = std::int64_t{1} << 53;

bool is_int64(const pb::FieldDescriptor& field) {
  return field.cpp_type() == pb::FieldDescriptor::CPPTYPE_INT64 ||
         field.cpp_type() == pb::FieldDescriptor::CPPTYPE_UINT64;
}

// Well-known types (Timestamp, Duration, wrappers) have their own JSON forms.
bool has_special_json(const pb::Descriptor* type) {
  return type->file()->package() == "google.protobuf";
}

bool has_int64_fields(const pb::Descriptor* type, std::set<const pb::Descriptor*>& seen) {
  if (has_special_json(type) || !seen.insert(type).second) return false;
  for (int i = 0; i < type->field_count(); ++i) {
    const auto* field = type->field(i);
    if (is_int64(*field)) return true;
    if (field->message_type() != nullptr && has_int64_fields(field->message_type(), seen))
      return true;
  }
  return false;
}

void to_number(boost::json::value& value) {
  if (!value.is_string()) return;
  const std::string_view text = value.as_string();
  std::int64_t number = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (ec != std::errc{} || end != text.data() + text.size()) return;
  if (number > kLargestExactInDouble || number < -kLargestExactInDouble) return;
  value = number;
}

void convert_field(const pb::FieldDescriptor& field, boost::json::value& value) {
  const auto convert_one = [&field](boost::json::value& element) {
    if (is_int64(field)) {
      to_number(element);
    } else if (field.message_type() != nullptr) {
      int64_strings_to_numbers(field.message_type(), element);
    }
  };
  if (field.is_map()) return;  // map keys are strings in JSON; no map holds int64 values here
  if (field.is_repeated() && value.is_array()) {
    for (auto& element : value.as_array()) convert_one(element);
  } else {
    convert_one(value);
  }
}

}  // namespace

bool has_int64_fields(const pb::Descriptor* type) {
  std::set<const pb::Descriptor*> seen;
  return has_int64_fields(type, seen);
}

void int64_strings_to_numbers(const pb::Descriptor* type, boost::json::value& json) {
  if (!json.is_object() || has_special_json(type)) return;
  auto& object = json.as_object();
  for (int i = 0; i < type->field_count(); ++i) {
    const auto* field = type->field(i);
    if (auto* value = object.if_contains(field->name()); value != nullptr)
      convert_field(*field, *value);
  }
}

}  // namespace shop::gateway::routing
