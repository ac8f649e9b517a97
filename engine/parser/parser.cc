#include "engine/parser/parser.h"

#include <stdexcept>

#include "CypherLexer.h"
#include "CypherParser.h"
#include "antlr4-runtime.h"
#include "engine/parser/ast_builder.h"
#include "engine/parser/literals.h"
#include "engine/parser/syntax_error_listener.h"

namespace parley::parser {

using grammar::CypherLexer;
using grammar::CypherParser;

ast::Statement Parse(std::string_view text) {
  std::unique_ptr<antlr4::ANTLRInputStream> input;
  try {
    input = std::make_unique<antlr4::ANTLRInputStream>(text.data(), text.size());
  } catch (const std::exception&) {  // the runtime rejects malformed UTF-8
    throw Error(ErrorKind::kSyntaxError, "InvalidUnicodeCharacter",
                "Invalid input: the query text is not valid UTF-8", SourcePos{1, 1});
  }
  SyntaxErrorListener listener;
  CypherLexer lexer(input.get());
  lexer.removeErrorListeners();
  lexer.addErrorListener(&listener);
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();  // lexer errors first, so the earliest error wins whichever stage found it
  for (antlr4::Token* token : tokens.getTokens()) {
    if (token->getType() == CypherLexer::UNTERMINATED_COMMENT) {
      SourcePos pos{static_cast<std::uint32_t>(token->getLine()),
                    static_cast<std::uint32_t>(token->getCharPositionInLine() + 1)};
      listener.Report(MakeSyntaxError(
          "UnexpectedSyntax", "Invalid input '/*': the comment is not terminated by '*/'", pos));
    }
  }

  CypherParser parser(&tokens);
  parser.removeErrorListeners();
  // Fast path: SLL prediction, giving up at the first error. Only a failing (or truly
  // LL-dependent) input pays for the second, full-LL pass with error reporting.
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  CypherParser::StatementContext* tree = nullptr;
  try {
    tree = parser.statement();
  } catch (const antlr4::ParseCancellationException&) {
    tree = nullptr;
  }
  if (tree == nullptr) {
    tokens.seek(0);
    parser.reset();
    parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
    parser.addErrorListener(&listener);
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
        antlr4::atn::PredictionMode::LL);
    tree = parser.statement();
  }
  if (listener.has_error()) throw listener.error();
  return AstBuilder(input.get(), text).BuildStatement(tree);
}

}  // namespace parley::parser
