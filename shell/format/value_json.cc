#include "shell/format/value_json.h"

#include <fmt/format.h>
#include <utf8proc.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <nlohmann/json.hpp>

#include "parley/error.h"
#include "shell/format/json_integers.h"
#include "shell/format/temporal_parse.h"

namespace parley::shell {
namespace {

void AppendMap(const Map& map, std::string& out) {
  out += '{';
  bool first = true;
  for (const auto& [key, value] : map) {
    if (!first) out += ',';
    first = false;
    AppendJsonString(key, out);
    out += ':';
    AppendValueJson(value, out);
  }
  out += '}';
}

void AppendNode(const Node& n, std::string& out) {
  out += fmt::format("{{\"$node\":{{\"id\":{},\"labels\":[", n.id);
  for (std::size_t i = 0; i < n.labels.size(); ++i) {
    if (i) out += ',';
    AppendJsonString(n.labels[i], out);
  }
  out += "],\"properties\":";
  AppendMap(n.properties, out);
  out += "}}";
}

void AppendRel(const Relationship& r, std::string& out) {
  out += "{\"$rel\":{\"id\":" + std::to_string(r.id) + ",\"type\":";
  AppendJsonString(r.type, out);
  out += fmt::format(",\"start\":{},\"end\":{},\"properties\":", r.start, r.end);
  AppendMap(r.properties, out);
  out += "}}";
}

void AppendPath(const Path& p, std::string& out) {
  out += "{\"$path\":[";
  for (std::size_t i = 0; i < p.nodes.size(); ++i) {
    if (i) {
      out += ',';
      if (i - 1 < p.rels.size()) {
        AppendRel(p.rels[i - 1], out);
        out += ',';
      }
    }
    AppendNode(p.nodes[i], out);
  }
  out += "]}";
}

void AppendTagged(std::string_view tag, const std::string& text, std::string& out) {
  out += "{\"$";
  out += tag;
  out += "\":";
  AppendJsonString(text, out);
  out += '}';
}

void AppendFloat(double d, std::string& out) {
  if (std::isnan(d)) {
    out += "{\"$float\":\"NaN\"}";
  } else if (std::isinf(d)) {
    out += d > 0 ? "{\"$float\":\"Infinity\"}" : "{\"$float\":\"-Infinity\"}";
  } else {
    out += FormatJsonFloat(d);
  }
}

[[noreturn]] void Bad(const std::string& message) {
  throw Error(ErrorKind::kArgumentError, "", message);
}

template <typename T>
T ParseTagged(std::optional<T> (*parse)(std::string_view), const nlohmann::json& x,
              std::string_view tag) {
  if (!x.is_string()) Bad(fmt::format("\"${}\" must hold a string", tag));
  const std::string& s = x.get_ref<const std::string&>();
  std::optional<T> v = parse(s);
  if (!v) Bad(fmt::format("\"{}\" is not a valid {} value", s, tag));
  return *v;
}

Map MapFromJson(const nlohmann::json& json) {
  if (!json.is_object()) Bad("expected a JSON object for properties");
  Map map;
  for (const auto& [key, value] : json.items()) map.emplace(key, ValueFromJson(value));
  return map;
}

std::uint64_t IdFromJson(const nlohmann::json& x, std::string_view what) {
  if (x.is_number_unsigned()) return x.get<std::uint64_t>();
  if (x.is_number_integer() && x.get<std::int64_t>() >= 0) return x.get<std::uint64_t>();
  Bad(fmt::format("{} must be a non-negative integer", what));
}

Node NodeFromJson(const nlohmann::json& x) {
  if (!x.is_object()) Bad("\"$node\" must hold an object");
  Node n;
  n.id = x.contains("id") ? IdFromJson(x["id"], "node id") : 0;
  if (x.contains("labels")) {
    for (const auto& l : x["labels"]) {
      if (!l.is_string()) Bad("node labels must be strings");
      n.labels.push_back(l.get<std::string>());
    }
  }
  if (x.contains("properties")) n.properties = MapFromJson(x["properties"]);
  return n;
}

Relationship RelFromJson(const nlohmann::json& x) {
  if (!x.is_object() || !x.contains("type") || !x["type"].is_string()) {
    Bad("\"$rel\" must hold an object with a string \"type\"");
  }
  Relationship r;
  r.id = x.contains("id") ? IdFromJson(x["id"], "relationship id") : 0;
  r.type = x["type"].get<std::string>();
  r.start = x.contains("start") ? IdFromJson(x["start"], "relationship start") : 0;
  r.end = x.contains("end") ? IdFromJson(x["end"], "relationship end") : 0;
  if (x.contains("properties")) r.properties = MapFromJson(x["properties"]);
  return r;
}

Path PathFromJson(const nlohmann::json& x) {
  if (!x.is_array() || x.size() % 2 == 0) {
    Bad("\"$path\" must hold an odd-length array alternating nodes and relationships");
  }
  Path p;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const nlohmann::json& e = x[i];
    const char* tag = i % 2 == 0 ? "$node" : "$rel";
    if (!e.is_object() || e.size() != 1 || !e.contains(tag)) {
      Bad(fmt::format("element {} of \"$path\" must be a {{\"{}\":...}}", i, tag));
    }
    if (i % 2 == 0)
      p.nodes.push_back(NodeFromJson(e[tag]));
    else
      p.rels.push_back(RelFromJson(e[tag]));
  }
  return p;
}

double FloatFromJson(const nlohmann::json& x) {
  if (x.is_number()) return x.get<double>();
  if (x.is_string()) {
    const std::string& s = x.get_ref<const std::string&>();
    if (s == "NaN") return std::numeric_limits<double>::quiet_NaN();
    if (s == "Infinity" || s == "Inf") return std::numeric_limits<double>::infinity();
    if (s == "-Infinity" || s == "-Inf") return -std::numeric_limits<double>::infinity();
  }
  Bad("\"$float\" must hold \"NaN\", \"Infinity\", \"-Infinity\" or a number");
}

// Decodes a one-key object whose key is a known tag; nullopt for an ordinary map.
std::optional<Value> TaggedFromJson(const std::string& key, const nlohmann::json& x) {
  if (key == "$float") return Value(FloatFromJson(x));
  if (key == "$node") return Value(NodeFromJson(x));
  if (key == "$rel") return Value(RelFromJson(x));
  if (key == "$path") return Value(PathFromJson(x));
  if (key == "$date") return Value(ParseTagged(&ParseDate, x, "date"));
  if (key == "$localtime") return Value(ParseTagged(&ParseLocalTime, x, "localtime"));
  if (key == "$time") return Value(ParseTagged(&ParseTime, x, "time"));
  if (key == "$localdatetime") {
    return Value(ParseTagged(&ParseLocalDateTime, x, "localdatetime"));
  }
  if (key == "$datetime") return Value(ParseTagged(&ParseDateTime, x, "datetime"));
  if (key == "$duration") return Value(ParseTagged(&ParseDuration, x, "duration"));
  return std::nullopt;
}

}  // namespace

std::string FormatJsonFloat(double d) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);  // shortest round-trip form
  std::string s(buf, end);
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}

namespace {

// Appends one ASCII character as a JSON string holds it.
void AppendJsonAscii(char c, std::string& out) {
  switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\f':
      out += "\\f";
      break;
    default:
      if (static_cast<unsigned char>(c) < 0x20) {
        out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
      } else {
        out += c;
      }
  }
}

}  // namespace

// Text is UTF-8 wherever Parley stores it, but a message may quote a file name, and a
// database may hold bytes an older import let through: a byte that does not start a
// well-formed sequence is written as U+FFFD, so that the output is always valid JSON.
void AppendJsonString(std::string_view s, std::string& out) {
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      AppendJsonAscii(s[i++], out);
      continue;
    }
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t n =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                         static_cast<utf8proc_ssize_t>(s.size() - i), &code_point);
    if (n > 0) {
      out.append(s.substr(i, static_cast<std::size_t>(n)));
      i += static_cast<std::size_t>(n);
    } else {
      out += "\\ufffd";
      ++i;
    }
  }
  out += '"';
}

void AppendValueJson(const Value& value, std::string& out) {
  std::visit(
      [&out](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          out += "null";
        else if constexpr (std::is_same_v<T, bool>)
          out += v ? "true" : "false";
        else if constexpr (std::is_same_v<T, std::int64_t>)
          out += std::to_string(v);
        else if constexpr (std::is_same_v<T, double>)
          AppendFloat(v, out);
        else if constexpr (std::is_same_v<T, std::string>)
          AppendJsonString(v, out);
        else if constexpr (std::is_same_v<T, List>) {
          out += '[';
          for (std::size_t i = 0; i < v.size(); ++i) {
            if (i) out += ',';
            AppendValueJson(v[i], out);
          }
          out += ']';
        } else if constexpr (std::is_same_v<T, Map>)
          AppendMap(v, out);
        else if constexpr (std::is_same_v<T, Node>)
          AppendNode(v, out);
        else if constexpr (std::is_same_v<T, Relationship>)
          AppendRel(v, out);
        else if constexpr (std::is_same_v<T, Path>)
          AppendPath(v, out);
        else if constexpr (std::is_same_v<T, Date>)
          AppendTagged("date", ToString(v), out);
        else if constexpr (std::is_same_v<T, LocalTime>)
          AppendTagged("localtime", ToString(v), out);
        else if constexpr (std::is_same_v<T, Time>)
          AppendTagged("time", ToString(v), out);
        else if constexpr (std::is_same_v<T, LocalDateTime>) {
          AppendTagged("localdatetime", ToString(v), out);
        } else if constexpr (std::is_same_v<T, DateTime>) {
          AppendTagged("datetime", ToString(v), out);
        } else if constexpr (std::is_same_v<T, Duration>) {
          AppendTagged("duration", ToString(v), out);
        }
      },
      value.storage());
}

std::string ValueToJson(const Value& value) {
  std::string out;
  AppendValueJson(value, out);
  return out;
}

Value ValueFromJson(const nlohmann::json& json) {
  switch (json.type()) {
    case nlohmann::json::value_t::null:
      return Value();
    case nlohmann::json::value_t::boolean:
      return Value(json.get<bool>());
    case nlohmann::json::value_t::number_integer:
      return Value(json.get<std::int64_t>());
    case nlohmann::json::value_t::number_unsigned: {
      const auto u = json.get<std::uint64_t>();
      if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        Bad(fmt::format("integer {} is out of the 64-bit range", u));
      }
      return Value(static_cast<std::int64_t>(u));
    }
    case nlohmann::json::value_t::number_float:
      return Value(json.get<double>());
    case nlohmann::json::value_t::string:
      return Value(json.get<std::string>());
    case nlohmann::json::value_t::array: {
      List list;
      list.reserve(json.size());
      for (const auto& e : json) list.push_back(ValueFromJson(e));
      return Value(std::move(list));
    }
    case nlohmann::json::value_t::object: {
      if (json.size() == 1) {
        auto it = json.begin();
        if (std::optional<Value> v = TaggedFromJson(it.key(), it.value())) return *v;
      }
      return Value(MapFromJson(json));
    }
    default:
      Bad("unsupported JSON value");
  }
}

Value ParseValueJson(std::string_view text) {
  CheckJsonIntegersFit(text);  // before they are read as floats
  // Arrays and objects nested deeper than a statement may be are refused while parsing:
  // reading them into Values recurses once per level.
  constexpr int kMaxJsonNesting = 500;
  bool too_deep = false;
  auto bound_depth = [&too_deep](int depth, nlohmann::json::parse_event_t event,
                                 nlohmann::json&) {
    if ((event == nlohmann::json::parse_event_t::object_start ||
         event == nlohmann::json::parse_event_t::array_start) &&
        depth > kMaxJsonNesting) {
      too_deep = true;
      throw std::length_error("too deep");
    }
    return true;
  };
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(text, bound_depth);
  } catch (const nlohmann::json::exception& e) {
    // Every failure of the parser, not only syntax: a number too large for a double
    // (1e999) is an out_of_range error, and others may follow in later releases.
    Bad(fmt::format("not valid JSON: {}", e.what()));
  } catch (const std::length_error&) {
    if (!too_deep) throw;
    Bad(fmt::format("the JSON value is nested too deeply (more than {} levels)",
                    kMaxJsonNesting));
  }
  return ValueFromJson(json);
}

}  // namespace parley::shell
