// Helpers for function tests: call functions by name, and evaluate small Cypher literal
// expressions (numbers, strings, lists, maps, null, booleans, function calls and
// variables bound by the test), so that tables can be written as openCypher writes them.
#ifndef PARLEY_TESTS_ENGINE_FUNCTION_TEST_UTIL_H_
#define PARLEY_TESTS_ENGINE_FUNCTION_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <string>
#include <vector>

#include "engine/function/scalar.h"
#include "engine/function/temporal.h"
#include "parley/error.h"
#include "parley/value.h"

namespace parley::function::testing {

// Calls the registered scalar function `name` with `args`; fails the test if unknown.
inline Value Call(std::string_view name, std::vector<Value> args = {}) {
  const ScalarFunction* f = FindScalarFunction(name);
  if (f == nullptr) throw std::runtime_error("no function " + std::string(name));
  return f->fn(args);
}

// The Cypher string form of a value (toString), or "null".
inline std::string Str(const Value& v) {
  if (v.is_list()) {
    std::string out = "[";
    for (std::size_t i = 0; i < v.as_list().size(); ++i) {
      out += (i ? ", " : "") + Str(v.as_list()[i]);
    }
    return out + "]";
  }
  if (v.is_map()) return v.ToString();
  return v.is_null() ? "null" : ToCypherString(v);
}

// Evaluates `text`, e.g. "date({year: 1984, week: 10})" or "[1, 2.5, 'a', null]".
class Eval {
 public:
  explicit Eval(std::string_view text, const std::map<std::string, Value>* vars = nullptr)
      : s_(text), vars_(vars) {}
  Value Run() {
    Value v = Expr();
    Skip();
    if (i_ != s_.size()) throw std::runtime_error("trailing text in " + std::string(s_));
    return v;
  }

 private:
  void Skip() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
  }
  bool Eat(char c) {
    Skip();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  void Expect(char c) {
    if (!Eat(c)) throw std::runtime_error(std::string("expected ") + c + " in " + std::string(s_));
  }
  std::string Name() {
    Skip();
    std::size_t start = i_;
    while (i_ < s_.size() &&
           (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_' || s_[i_] == '.')) {
      ++i_;
    }
    return std::string(s_.substr(start, i_ - start));
  }
  Value Expr() {
    Value v = Primary();
    while (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      std::string key = Name();
      std::optional<Value> p = TemporalProperty(v, key);
      if (!p) throw std::runtime_error("no property " + key);
      v = *p;
    }
    return v;
  }
  Value Primary() {
    Skip();
    char c = s_[i_];
    if (c == '\'') {
      std::size_t end = s_.find('\'', i_ + 1);
      std::string str(s_.substr(i_ + 1, end - i_ - 1));
      i_ = end + 1;
      return Value(str);
    }
    if (c == '[') {
      ++i_;
      List l;
      if (!Eat(']')) {
        do l.push_back(Expr());
        while (Eat(','));
        Expect(']');
      }
      return Value(std::move(l));
    }
    if (c == '{') {
      ++i_;
      Map m;
      if (!Eat('}')) {
        do {
          std::string k = Name();
          Expect(':');
          m[k] = Expr();
        } while (Eat(','));
        Expect('}');
      }
      return Value(std::move(m));
    }
    if (c == '-' || std::isdigit(static_cast<unsigned char>(c))) {
      std::size_t start = i_++;
      while (i_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.' ||
                                s_[i_] == 'e' || s_[i_] == 'E')) {
        ++i_;
      }
      std::string num(s_.substr(start, i_ - start));
      if (num.find_first_of(".eE") != std::string::npos) return Value(std::stod(num));
      return Value(static_cast<std::int64_t>(std::stoll(num)));
    }
    std::string name = Name();
    if (name == "null") return {};
    if (name == "true") return Value(true);
    if (name == "false") return Value(false);
    if (Eat('(')) {
      std::vector<Value> args;
      if (!Eat(')')) {
        do args.push_back(Expr());
        while (Eat(','));
        Expect(')');
      }
      return Call(name, args);
    }
    if (vars_ != nullptr) {
      auto it = vars_->find(name);
      if (it != vars_->end()) return it->second;
    }
    throw std::runtime_error("cannot evaluate " + name);
  }

  std::string_view s_;
  std::size_t i_ = 0;
  const std::map<std::string, Value>* vars_;
};

inline Value E(std::string_view text) { return Eval(text).Run(); }

}  // namespace parley::function::testing

#endif  // PARLEY_TESTS_ENGINE_FUNCTION_TEST_UTIL_H_
