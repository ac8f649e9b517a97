// The parser: Cypher text in, parley::ast out.
//
// The first stage of a query's way through the engine (text -> ast -> binder -> planner ->
// execution). It knows only the language's syntax and the values of literals; names,
// scopes and types are the binder's business. The ANTLR-generated code it uses stays
// behind this header: nothing here exposes ANTLR types.
//
// Which layer raises which of the TCK's compile-time detail codes:
//   parser  (kSyntaxError): UnexpectedSyntax (anything the grammar rejects, and unknown
//           string escapes), InvalidNumberLiteral (9223372h54775808), IntegerOverflow,
//           FloatingPointOverflow, InvalidUnicodeCharacter (a non-ASCII character no token
//           starts with, e.g. an em dash for minus), InvalidUnicodeLiteral (bad \u escape).
//   binder  (the rest, from the AST): UndefinedVariable, VariableAlreadyBound,
//           VariableTypeConflict, InvalidAggregation, AmbiguousAggregationExpression,
//           NoSingleRelationshipType, CreatingVarLength, RequiresDirectedRelationship,
//           InvalidRelationshipPattern, InvalidDelete, DifferentColumnsInUnion,
//           ColumnNameConflict, NoExpressionAlias, NoVariablesInScope,
//           InvalidClauseComposition (clause order, updates inside EXISTS), InvalidArgumentType
//           (when known at compile time), InvalidNumberOfArguments, UnknownFunction,
//           NegativeIntegerArgument, NonConstantExpression (SKIP/LIMIT), InvalidParameterUse,
//           InvalidArgumentPassingMode.
// The grammar accepts any sequence of clauses; the AST keeps what the binder needs to check
// composition and naming (positions, alias presence, each item's source text).
//
// Choices where the language leaves room, as the TCK expects them:
//   - A bare pattern is an expression only inside a WHERE predicate (also inside a
//     comprehension's or quantifier's WHERE); elsewhere it is UnexpectedSyntax.
//   - YIELD * is allowed only on a CALL that is the whole query.
//   - NOT cannot be an operand of a comparison or arithmetic (a = NOT b); parenthesise it.
//   - [x IN list] is a list comprehension, not a list holding an IN predicate.
//   - A minus sign directly before a number literal is part of the literal.
//   - 012 is the decimal 12; octal needs 0o12.
#ifndef PARLEY_ENGINE_PARSER_PARSER_H_
#define PARLEY_ENGINE_PARSER_PARSER_H_

#include <cstdint>
#include <string_view>

#include "engine/parser/ast.h"

namespace parley::parser {

// Limits that keep every recursive stage of the engine within a thread's stack. Past
// either, the statement is a SyntaxError ("nested too deeply") at the offending token.
//   kMaxNesting: brackets, CASE and NOT nested in one another (checked on the tokens,
//     before the grammar's own recursion).
//   kMaxExpressionHeight: the longest path from an expression down to a leaf, however it
//     is made (a - - - 1, x[0][0][0], 1 + 1 + 1, a AND b AND c): as SQLite's
//     SQLITE_MAX_EXPR_DEPTH, 1000.
inline constexpr int kMaxNesting = 500;
inline constexpr std::uint32_t kMaxExpressionHeight = 1000;

// Parses exactly one statement. Surrounding whitespace and comments and one trailing ';'
// are allowed; a second statement is a syntax error. `text` is UTF-8; columns in errors
// and in the AST count code points, starting at 1.
// Throws parley::Error (kSyntaxError, detail as listed above, positioned at the first
// offending token) when `text` is not a valid statement. Thread-safe.
ast::Statement Parse(std::string_view text);

}  // namespace parley::parser

#endif  // PARLEY_ENGINE_PARSER_PARSER_H_
