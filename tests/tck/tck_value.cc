#include "tests/tck/tck_value.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <vector>

#include <fmt/format.h>

namespace parley::tck {
namespace {

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  Value ParseAll() {
    Value v = ParseValue();
    SkipSpace();
    if (i_ != s_.size()) Fail("trailing input");
    return v;
  }

 private:
  [[noreturn]] void Fail(const std::string& msg) const {
    throw ValueSyntaxError(fmt::format("{} at offset {} in '{}'", msg, i_, s_));
  }
  void SkipSpace() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
  }
  char Peek() {
    SkipSpace();
    return i_ < s_.size() ? s_[i_] : '\0';
  }
  void Expect(std::string_view tok) {
    SkipSpace();
    if (s_.substr(i_, tok.size()) != tok) Fail(fmt::format("expected '{}'", tok));
    i_ += tok.size();
  }
  static bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

  // Case-insensitive keyword at the cursor, not followed by a word character.
  bool TryWord(std::string_view word) {
    if (s_.size() - i_ < word.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k) {
      if (std::tolower(static_cast<unsigned char>(s_[i_ + k])) != word[k]) return false;
    }
    if (i_ + word.size() < s_.size() && IsWordChar(s_[i_ + word.size()])) return false;
    i_ += word.size();
    return true;
  }

  Value ParseValue() {
    char c = Peek();
    if (c == '\'' || c == '"') return Value(ParseString());
    if (c == '[') {
      std::size_t j = i_ + 1;
      while (j < s_.size() && std::isspace(static_cast<unsigned char>(s_[j]))) ++j;
      return j < s_.size() && s_[j] == ':' ? Value(ParseRel()) : ParseList();
    }
    if (c == '{') return Value(ParseMap());
    if (c == '(') return Value(ParseNode());
    if (c == '<') return ParsePath();
    for (auto [word, value] : std::initializer_list<std::pair<std::string_view, Value>>{
             {"-infinity", -std::numeric_limits<double>::infinity()},
             {"-inf", -std::numeric_limits<double>::infinity()},
             {"infinity", std::numeric_limits<double>::infinity()},
             {"inf", std::numeric_limits<double>::infinity()},
             {"nan", std::numeric_limits<double>::quiet_NaN()},
             {"null", Value()}, {"true", true}, {"false", false}}) {
      if (TryWord(word)) return value;
    }
    return ParseNumber();
  }

  Value ParseNumber() {
    std::size_t start = i_;
    bool negative = i_ < s_.size() && s_[i_] == '-';
    std::size_t j = i_ + negative;
    auto digits = [&](auto pred) {
      std::size_t k = j;
      while (k < s_.size() && pred(s_[k])) ++k;
      return k;
    };
    if (s_.substr(j, 2) == "0x" || s_.substr(j, 2) == "0o") {
      bool hex = s_[j + 1] == 'x';
      std::size_t end = (j += 2, digits([&](char ch) {
        return hex ? std::isxdigit(static_cast<unsigned char>(ch)) != 0 : ch >= '0' && ch <= '7';
      }));
      if (end == j || (end < s_.size() && IsWordChar(s_[end]))) Fail("bad number");
      std::int64_t v = std::stoll(std::string(s_.substr(j, end - j)), nullptr, hex ? 16 : 8);
      i_ = end;
      return negative ? -v : v;
    }
    auto is_digit = [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)) != 0; };
    std::size_t end = digits(is_digit);
    bool is_float = false;
    if (end < s_.size() && s_[end] == '.') {
      is_float = true;
      j = end + 1;
      end = digits(is_digit);
    }
    if (end == i_ + negative || (is_float && end == i_ + negative + 1 && !is_digit(s_[i_ + negative])))
      Fail("unexpected input");
    if (end < s_.size() && (s_[end] == 'e' || s_[end] == 'E')) {
      is_float = true;
      j = end + 1;
      if (j < s_.size() && (s_[j] == '+' || s_[j] == '-')) ++j;
      end = digits(is_digit);
    }
    if (end < s_.size() && IsWordChar(s_[end])) Fail("unexpected input");
    std::string text(s_.substr(start, end - start));
    i_ = end;
    if (is_float) return std::stod(text);
    return static_cast<std::int64_t>(std::stoll(text));
  }

  static void AppendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  std::string ParseString() {
    char quote = s_[i_++];
    std::string out;
    while (true) {
      if (i_ >= s_.size()) Fail("unterminated string");
      char c = s_[i_];
      if (c == quote) {
        ++i_;
        return out;
      }
      if (c == '\\' && i_ + 1 < s_.size()) {
        char d = s_[i_ + 1];
        static const std::string_view kFrom = "\\'\"ntrbf", kTo = "\\'\"\n\t\r\b\f";
        if (std::size_t k = kFrom.find(d); k != std::string_view::npos) {
          out += kTo[k];
          i_ += 2;
        } else if (d == 'u' || d == 'U') {
          std::size_t width = d == 'u' ? 4 : 8;
          std::string hex(s_.substr(i_ + 2, width));
          if (hex.size() != width || !std::all_of(hex.begin(), hex.end(), [](char h) {
                return std::isxdigit(static_cast<unsigned char>(h));
              }))
            Fail("bad unicode escape");
          AppendUtf8(out, static_cast<char32_t>(std::stoul(hex, nullptr, 16)));
          i_ += 2 + width;
        } else {
          out += c;
          out += d;
          i_ += 2;
        }
        continue;
      }
      out += c;
      ++i_;
    }
  }

  std::string ParseName() {
    SkipSpace();
    if (i_ < s_.size() && s_[i_] == '`') {
      std::string out;
      std::size_t j = i_ + 1;
      while (true) {
        if (j >= s_.size()) Fail("unterminated `name`");
        if (s_[j] == '`') {
          if (s_.substr(j, 2) == "``") {
            out += '`';
            j += 2;
            continue;
          }
          break;
        }
        out += s_[j++];
      }
      i_ = j + 1;
      return out;
    }
    std::size_t start = i_;
    while (i_ < s_.size() && IsWordChar(s_[i_])) ++i_;
    if (i_ == start) Fail("expected a name");
    return std::string(s_.substr(start, i_ - start));
  }

  Value ParseList() {
    Expect("[");
    List items;
    if (Peek() == ']') {
      ++i_;
      return items;
    }
    while (true) {
      items.push_back(ParseValue());
      char c = Peek();
      ++i_;
      if (c == ']') return items;
      if (c != ',') Fail("expected ',' or ']'");
    }
  }

  Map ParseMap() {
    Expect("{");
    Map out;
    if (Peek() == '}') {
      ++i_;
      return out;
    }
    while (true) {
      std::string key = (Peek() == '\'' || Peek() == '"') ? ParseString() : ParseName();
      Expect(":");
      if (out.count(key)) Fail("duplicate key " + key);
      out.emplace(key, ParseValue());
      char c = Peek();
      ++i_;
      if (c == '}') return out;
      if (c != ',') Fail("expected ',' or '}'");
    }
  }

  Node ParseNode() {
    Expect("(");
    Node n;
    n.id = next_id_++;
    if (char c = Peek(); c != ':' && c != '{' && c != ')') ParseName();  // a variable
    while (Peek() == ':') {
      ++i_;
      n.labels.push_back(ParseName());
    }
    if (Peek() == '{') n.properties = ParseMap();
    Expect(")");
    return n;
  }

  Relationship ParseRel() {
    Expect("[");
    Expect(":");
    Relationship r;
    r.id = next_id_++;
    r.type = ParseName();
    if (Peek() == '{') r.properties = ParseMap();
    Expect("]");
    return r;
  }

  Value ParsePath() {
    Expect("<");
    Path p;
    p.nodes.push_back(ParseNode());
    while (true) {
      char c = Peek();
      if (c == '>') {
        ++i_;
        return p;
      }
      bool forward;
      Relationship r;
      if (s_.substr(i_, 2) == "<-") {
        i_ += 2;
        r = ParseRel();
        Expect("-");
        forward = false;
      } else if (c == '-') {
        ++i_;
        r = ParseRel();
        Expect("->");
        forward = true;
      } else {
        Fail("expected a relationship or '>' in a path");
      }
      Node next = ParseNode();
      r.start = forward ? p.nodes.back().id : next.id;
      r.end = forward ? next.id : p.nodes.back().id;
      p.rels.push_back(std::move(r));
      p.nodes.push_back(std::move(next));
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
  std::uint64_t next_id_ = 1;
};

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string CanonicalMap(const Map& m, bool unordered) {
  std::string out = "{";
  for (const auto& [k, v] : m) out += Quote(k) + ":" + Canonical(v, unordered) + ",";
  return out + "}";
}

std::string CanonicalNode(const Node& n, bool unordered) {
  std::vector<std::string> labels = n.labels;
  std::sort(labels.begin(), labels.end());
  std::string out = "(";
  for (const auto& l : labels) out += ":" + Quote(l);
  return out + CanonicalMap(n.properties, unordered) + ")";
}

std::string CanonicalRel(const Relationship& r, bool unordered) {
  return "[:" + Quote(r.type) + CanonicalMap(r.properties, unordered) + "]";
}

}  // namespace

Value ParseTckValue(std::string_view text) { return Parser(text).ParseAll(); }

std::string Canonical(const Value& value, bool unordered) {
  switch (value.type()) {
    case ValueType::kNull: return "null";
    case ValueType::kBool: return value.as_bool() ? "true" : "false";
    case ValueType::kInt: return "i" + std::to_string(value.as_int());
    case ValueType::kFloat: {
      double d = value.as_float() + 0.0;  // -0.0 and 0.0 are one value here
      return std::isnan(d) ? "fNaN" : fmt::format("f{}", d);
    }
    case ValueType::kString: return "s" + Quote(value.as_string());
    case ValueType::kList: {
      std::vector<std::string> items;
      for (const Value& v : value.as_list()) items.push_back(Canonical(v, unordered));
      if (unordered) std::sort(items.begin(), items.end());
      std::string out = "[";
      for (const auto& item : items) out += item + ",";
      return out + "]";
    }
    case ValueType::kMap: return CanonicalMap(value.as_map(), unordered);
    case ValueType::kNode: return CanonicalNode(value.as_node(), unordered);
    case ValueType::kRelationship: return CanonicalRel(value.as_relationship(), unordered);
    case ValueType::kPath: {
      const Path& p = value.as_path();
      std::string out = "<" + CanonicalNode(p.nodes.at(0), unordered);
      for (std::size_t i = 0; i < p.rels.size(); ++i) {
        const Relationship& r = p.rels[i];
        const Node& a = p.nodes.at(i);
        const Node& b = p.nodes.at(i + 1);
        std::string dir = r.start == a.id && r.end == b.id   ? "->"
                          : r.start == b.id && r.end == a.id ? "<-"
                                                             : "?";
        out += dir + CanonicalRel(r, unordered) + CanonicalNode(b, unordered);
      }
      return out + ">";
    }
    default:  // temporal values compare as their string form, as the TCK writes them
      return "s" + Quote(std::visit(
                       [](const auto& v) -> std::string {
                         if constexpr (requires { parley::ToString(v); }) {
                           return parley::ToString(v);
                         } else {
                           return "?";
                         }
                       },
                       value.storage()));
  }
}

}  // namespace parley::tck
