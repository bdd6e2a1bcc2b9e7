#pragma once
// 12-factor configuration: every setting comes from an environment variable, read
// once at start-up into a typed struct. EnvReader returns the default for a variable
// that is unset or empty and, for one that is set but invalid, records a problem and
// also returns the default, so a service reports every bad variable in one message
// (throw_if_errors) instead of failing on the first.
//
// Typical use:
//   EnvReader env;
//   Config config{.port = env.port("GATEWAY_PORT", 8080), ...};
//   env.throw_if_errors();

#include <chrono>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace shop::common::config {

using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;

// Reads the process environment.
std::optional<std::string> process_env(std::string_view name);

// Thrown at start-up only; what() lists one problem per line.
class ConfigError : public std::runtime_error {
 public:
  explicit ConfigError(std::vector<std::string> problems);
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  std::vector<std::string> problems_;
};

class EnvReader {
 public:
  explicit EnvReader(EnvLookup lookup = process_env);

  // Taken verbatim, surrounding spaces included.
  std::string string(std::string_view name, std::string default_value);
  // A problem if unset or empty; returns "" then.
  std::string required_string(std::string_view name);
  // One of `allowed`, compared case-sensitively.
  std::string one_of(std::string_view name, std::string default_value,
                     std::initializer_list<std::string_view> allowed);
  // Comma-separated, items trimmed, empty items dropped.
  std::vector<std::string> list(std::string_view name, std::vector<std::string> default_value);

  // The parsers below trim surrounding whitespace before parsing.
  std::uint16_t port(std::string_view name, std::uint16_t default_value);
  std::int64_t integer(std::string_view name, std::int64_t default_value, std::int64_t min,
                       std::int64_t max);
  double number(std::string_view name, double default_value, double min, double max);
  // A non-negative count with a unit: "250ms", "5s", "2m", "1h"; a bare number means ms.
  std::chrono::milliseconds millis(std::string_view name, std::chrono::milliseconds default_value);
  // true/false, 1/0, yes/no, on/off, any case.
  bool flag(std::string_view name, bool default_value);

  bool ok() const { return errors_.empty(); }
  std::vector<std::string> errors() const { return errors_; }
  // Throws ConfigError naming every bad variable; does nothing when all were valid.
  void throw_if_errors() const;

 private:
  // The raw or trimmed value; nullopt when unset or empty (after trimming, for trimmed).
  std::optional<std::string> raw(std::string_view name) const;
  std::optional<std::string> trimmed(std::string_view name) const;
  void problem(std::string_view name, std::string_view expected, std::string_view got);

  EnvLookup lookup_;
  std::vector<std::string> errors_;
};

}  // namespace shop::common::config
