#include "common/config/env_reader.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <sstream>
#include <utility>

#include "common/text.hpp"

namespace shop::common::config {
namespace {

constexpr std::string_view kSpaces = " \t\r\n";
// Long values (a pasted certificate) would bury the message; the start is enough to
// recognise the mistake.
constexpr std::size_t kMaxQuoted = 64;

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(kSpaces);
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = text.find_last_not_of(kSpaces);
  return text.substr(first, last - first + 1);
}

std::string quoted(std::string_view value) {
  std::string out = "'";
  if (value.size() > kMaxQuoted) {
    out.append(value.substr(0, kMaxQuoted)).append("...");
  } else {
    out.append(value);
  }
  out.push_back('\'');
  return out;
}

template <class T>
std::optional<T> parse_whole(std::string_view text) {
  T value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

std::string format_number(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

std::string join(const std::vector<std::string>& lines, std::string_view separator) {
  std::string out;
  for (const auto& line : lines) {
    if (!out.empty()) {
      out.append(separator);
    }
    out.append(line);
  }
  return out;
}

}  // namespace

std::optional<std::string> process_env(std::string_view name) {
  // getenv needs a terminated string; a string_view may not be one.
  const std::string key(name);
  const char* value = std::getenv(key.c_str());
  if (value == nullptr) {
    return std::nullopt;
  }
  return std::string(value);
}

ConfigError::ConfigError(std::vector<std::string> problems)
    : std::runtime_error("invalid configuration:\n  " + join(problems, "\n  ")),
      problems_(std::move(problems)) {}

EnvReader::EnvReader(EnvLookup lookup) : lookup_(std::move(lookup)) {}

std::optional<std::string> EnvReader::raw(std::string_view name) const {
  std::optional<std::string> value = lookup_ ? lookup_(name) : std::nullopt;
  // Orchestrators commonly render an unset variable as VAR= ; treat it as unset.
  if (value && value->empty()) {
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> EnvReader::trimmed(std::string_view name) const {
  const std::optional<std::string> value = raw(name);
  const std::string_view inner = value ? trim(*value) : std::string_view{};
  if (inner.empty()) {
    return std::nullopt;
  }
  return std::string(inner);
}

void EnvReader::problem(std::string_view name, std::string_view expected, std::string_view got) {
  std::string line(name);
  line.append(": expected ").append(expected).append(", got ").append(quoted(got));
  errors_.push_back(std::move(line));
}

std::string EnvReader::string(std::string_view name, std::string default_value) {
  return raw(name).value_or(std::move(default_value));
}

std::string EnvReader::required_string(std::string_view name) {
  if (std::optional<std::string> value = raw(name)) {
    return *value;
  }
  errors_.push_back(std::string(name) + ": required but not set");
  return {};
}

std::string EnvReader::one_of(std::string_view name, std::string default_value,
                              std::initializer_list<std::string_view> allowed) {
  const std::optional<std::string> value = trimmed(name);
  if (!value) {
    return default_value;
  }
  if (std::find(allowed.begin(), allowed.end(), *value) != allowed.end()) {
    return *value;
  }
  std::string expected = "one of ";
  bool first = true;
  for (std::string_view option : allowed) {
    expected.append(first ? "" : ", ").append(option);
    first = false;
  }
  problem(name, expected, *value);
  return default_value;
}

std::vector<std::string> EnvReader::list(std::string_view name,
                                         std::vector<std::string> default_value) {
  const std::optional<std::string> value = raw(name);
  if (!value) {
    return default_value;
  }
  std::vector<std::string> items;
  std::string_view rest = *value;
  while (true) {
    const auto comma = rest.find(',');
    const std::string_view item = trim(rest.substr(0, comma));
    if (!item.empty()) {
      items.emplace_back(item);
    }
    if (comma == std::string_view::npos) {
      break;
    }
    rest.remove_prefix(comma + 1);
  }
  return items;
}

std::uint16_t EnvReader::port(std::string_view name, std::uint16_t default_value) {
  return static_cast<std::uint16_t>(integer(name, default_value, 1, 65535));
}

std::int64_t EnvReader::integer(std::string_view name, std::int64_t default_value, std::int64_t min,
                                std::int64_t max) {
  const std::optional<std::string> value = trimmed(name);
  if (!value) {
    return default_value;
  }
  const std::optional<std::int64_t> parsed = parse_whole<std::int64_t>(*value);
  if (!parsed || *parsed < min || *parsed > max) {
    problem(name, "an integer in [" + std::to_string(min) + ", " + std::to_string(max) + "]",
            *value);
    return default_value;
  }
  return *parsed;
}

double EnvReader::number(std::string_view name, double default_value, double min, double max) {
  const std::optional<std::string> value = trimmed(name);
  if (!value) {
    return default_value;
  }
  const std::optional<double> parsed = parse_whole<double>(*value);
  if (!parsed || !std::isfinite(*parsed) || *parsed < min || *parsed > max) {
    problem(name, "a number in [" + format_number(min) + ", " + format_number(max) + "]", *value);
    return default_value;
  }
  return *parsed;
}

std::chrono::milliseconds EnvReader::millis(std::string_view name,
                                            std::chrono::milliseconds default_value) {
  const std::optional<std::string> value = trimmed(name);
  if (!value) {
    return default_value;
  }
  const std::string_view text = *value;
  const auto unit_start = text.find_first_not_of("0123456789");
  const std::string_view digits = text.substr(0, unit_start);
  const std::string_view unit =
      unit_start == std::string_view::npos ? std::string_view{} : text.substr(unit_start);

  struct Unit {
    std::string_view suffix;
    std::int64_t millis;
  };
  constexpr std::array<Unit, 5> kUnits{
      {{"", 1}, {"ms", 1}, {"s", 1000}, {"m", 60'000}, {"h", 3'600'000}}};
  const auto match = std::find_if(kUnits.begin(), kUnits.end(),
                                  [unit](const Unit& u) { return u.suffix == unit; });
  const std::optional<std::int64_t> amount = parse_whole<std::int64_t>(digits);
  if (digits.empty() || !amount || match == kUnits.end() ||
      *amount > std::numeric_limits<std::int64_t>::max() / match->millis) {
    problem(name, "a duration such as 250ms, 5s, 2m or 1h", text);
    return default_value;
  }
  return std::chrono::milliseconds(*amount * match->millis);
}

bool EnvReader::flag(std::string_view name, bool default_value) {
  const std::optional<std::string> value = trimmed(name);
  if (!value) {
    return default_value;
  }
  const std::string word = to_lower(*value);
  if (word == "true" || word == "1" || word == "yes" || word == "on") {
    return true;
  }
  if (word == "false" || word == "0" || word == "no" || word == "off") {
    return false;
  }
  problem(name, "true or false", *value);
  return default_value;
}

void EnvReader::throw_if_errors() const {
  if (!errors_.empty()) {
    throw ConfigError(errors_);
  }
}

}  // namespace shop::common::config
