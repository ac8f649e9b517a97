#include "shell/format/json_integers.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "parley/error.h"

namespace parley::shell {
namespace {

using Json = nlohmann::json;

// A SAX pass that builds nothing: it sees each number's text, which the parsed document
// no longer has, and stops at the first integer literal that became a float.
class OversizedIntegerFinder : public nlohmann::json_sax<Json> {
 public:
  std::optional<std::string> found;

  bool number_float(number_float_t, const string_t& text) override {
    if (text.find_first_of(".eE") != string_t::npos) return true;
    found = text;
    return false;
  }
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }
};

}  // namespace

void CheckJsonIntegersFit(std::string_view text) {
  OversizedIntegerFinder finder;
  Json::sax_parse(text.begin(), text.end(), &finder);
  if (finder.found) {
    throw Error(ErrorKind::kArgumentError, "",
                fmt::format("integer {} is out of the 64-bit range", *finder.found));
  }
}

}  // namespace parley::shell
