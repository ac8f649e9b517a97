// Helpers shared by the files that implement scalar functions. Internal to the component.
#ifndef PARLEY_ENGINE_FUNCTION_SCALAR_INTERNAL_H_
#define PARLEY_ENGINE_FUNCTION_SCALAR_INTERNAL_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/function/scalar.h"
#include "parley/error.h"
#include "parley/value.h"

namespace parley::function::internal {

using Args = std::span<const Value>;

// Throws kTypeError "InvalidArgumentType": `fn` got a value of a type it does not take.
[[noreturn]] void ThrowArgType(std::string_view fn, const Value& arg);
// Throws kArgumentError "InvalidArgumentValue" with `message`.
[[noreturn]] void ThrowArgValue(std::string message);

// Whether any argument is null (most functions then return null).
bool AnyNull(Args args);

// Argument accessors that check the type (throwing ThrowArgType). REQUIRES: not null.
std::int64_t IntArg(std::string_view fn, const Value& v);
double NumberArg(std::string_view fn, const Value& v);
const std::string& StringArg(std::string_view fn, const Value& v);
const List& ListArg(std::string_view fn, const Value& v);

// UTF-8 code points of `s`, and back.
std::vector<char32_t> DecodeUtf8(std::string_view s);
std::string EncodeUtf8(std::span<const char32_t> cps);

// The system clock now, as a UTC datetime (for the .realtime() functions).
DateTime RealTime();

// The functions each file contributes to the registry.
void AddConversionFunctions(std::vector<ScalarFunction>& out);
void AddMathFunctions(std::vector<ScalarFunction>& out);
void AddStringFunctions(std::vector<ScalarFunction>& out);
void AddListFunctions(std::vector<ScalarFunction>& out);
void AddTemporalFunctions(std::vector<ScalarFunction>& out);

}  // namespace parley::function::internal

#endif  // PARLEY_ENGINE_FUNCTION_SCALAR_INTERNAL_H_
