// Cypher's arithmetic operators on values.
//
// Every operator returns null when an operand is null. Integer arithmetic is 64-bit and
// checked: overflow throws Error(kRuntimeError, "IntegerOverflow"). Mixing an integer and a
// float gives a float. Operand types the operator does not accept throw
// Error(kTypeError, "InvalidArgumentType") with a message naming both types.
//
// Pure and thread-safe.
#ifndef PARLEY_ENGINE_FUNCTION_ARITHMETIC_H_
#define PARLEY_ENGINE_FUNCTION_ARITHMETIC_H_

#include "parley/value.h"

namespace parley::function {

// a + b: numbers; string + string, and a string with a number or a temporal value on
// either side (rendered as toString does); list + list (concatenation), list + x and x + list (append, prepend);
// date/time/datetime + duration and duration + temporal; duration + duration.
Value Add(const Value& a, const Value& b);

// a - b: numbers; temporal - duration; duration - duration.
Value Subtract(const Value& a, const Value& b);

// a * b: numbers; duration * number and number * duration (fractional results cascade
// months -> days -> seconds as openCypher specifies).
Value Multiply(const Value& a, const Value& b);

// a / b: integer / integer truncates toward zero; integer division by zero throws
// Error(kArgumentError, "DivisionByZero"). Float division follows IEEE (inf, NaN).
// duration / number divides each component (cascading fractions).
Value Divide(const Value& a, const Value& b);

// a % b: integer remainder takes the sign of a (integer modulo by zero throws as Divide);
// float remainder is fmod.
Value Modulo(const Value& a, const Value& b);

// a ^ b: always a float (std::pow).
Value Power(const Value& a, const Value& b);

// -a: numbers (negating INT64_MIN overflows) and durations.
Value Negate(const Value& a);

// Checked 64-bit helpers (throw IntegerOverflow as above), shared with aggregates.
std::int64_t CheckedAdd(std::int64_t a, std::int64_t b);
std::int64_t CheckedSub(std::int64_t a, std::int64_t b);
std::int64_t CheckedMul(std::int64_t a, std::int64_t b);

}  // namespace parley::function

#endif  // PARLEY_ENGINE_FUNCTION_ARITHMETIC_H_
