#include "engine/parser/parser.h"

#include <fmt/format.h>

#include <mutex>
#include <shared_mutex>
#include <stdexcept>

#include "CypherLexer.h"
#include "CypherParser.h"
#include "antlr4-runtime.h"
#include "engine/common/utf8.h"
#include "engine/parser/ast_builder.h"
#include "engine/parser/lexer.h"
#include "engine/parser/literals.h"
#include "engine/parser/prediction_cache.h"
#include "engine/parser/syntax_error_listener.h"

namespace parley::parser {

using grammar::CypherLexer;
using grammar::CypherParser;

namespace {

SourcePos PosOf(const antlr4::Token* token) {
  return SourcePos{static_cast<std::uint32_t>(token->getLine()),
                   static_cast<std::uint32_t>(token->getCharPositionInLine() + 1)};
}

// Errors the grammar cannot express well: an unterminated comment (one token to the end of
// the text) and excessive nesting of brackets, CASE and NOT. Returns false if the tokens
// must not be parsed at all.
bool CheckTokens(antlr4::CommonTokenStream& tokens, SyntaxErrorListener& listener) {
  int depth = 0, nots = 0;
  for (antlr4::Token* token : tokens.getTokens()) {
    switch (token->getType()) {
      case CypherLexer::UNTERMINATED_COMMENT:
        listener.Report(MakeSyntaxError("UnexpectedSyntax",
                                        "Invalid input '/*': the comment is not terminated by '*/'",
                                        PosOf(token)));
        return true;
      case CypherLexer::LPAREN:
      case CypherLexer::LBRACKET:
      case CypherLexer::LBRACE:
      case CypherLexer::CASE:
        ++depth;
        break;
      case CypherLexer::RPAREN:
      case CypherLexer::RBRACKET:
      case CypherLexer::RBRACE:
      case CypherLexer::END:
        --depth;
        break;
      default:
        break;
    }
    nots = token->getType() == CypherLexer::NOT ? nots + 1 : 0;
    if (depth > kMaxNesting || nots > kMaxNesting) {
      listener.Report(MakeSyntaxError(
          "UnexpectedSyntax",
          fmt::format("The statement is nested too deeply (more than {} levels)", kMaxNesting),
          PosOf(token)));
      return false;
    }
  }
  return true;
}

// The line and column (in code points, from 1) of byte `offset` of `text`, whose bytes
// before it are well-formed UTF-8.
SourcePos PosOfOffset(std::string_view text, std::size_t offset) {
  std::uint32_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {  // not a continuation byte: a new code point
      ++column;
    }
  }
  return SourcePos{line, column};
}

}  // namespace

ast::Statement Parse(std::string_view text) {
  if (std::optional<std::size_t> bad = FindInvalidUtf8(text)) {
    throw MakeSyntaxError("InvalidUnicodeCharacter",
                          fmt::format("Invalid input: byte 0x{:02X} is not valid UTF-8 (the query "
                                      "text must be UTF-8)",
                                      static_cast<unsigned char>(text[*bad])),
                          PosOfOffset(text, *bad));
  }
  std::unique_ptr<CodePointStream> input;
  try {
    input = std::make_unique<CodePointStream>(text.data(), text.size());
  } catch (const std::exception&) {  // the runtime rejects what the check above let by
    throw Error(ErrorKind::kSyntaxError, "InvalidUnicodeCharacter",
                "Invalid input: the query text is not valid UTF-8", SourcePos{1, 1});
  }
  SyntaxErrorListener listener;
  Lexer lexer(input.get(), &listener, nullptr);
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();  // lexer errors first, so the earliest error wins whichever stage found it
  if (!CheckTokens(tokens, listener)) throw listener.error();

  // Declared in this order so that the parser is gone before the cache's lock is released,
  // and the lock before the cache counts the parse (which may empty it).
  PredictionCache& cache = PredictionCache::Shared();
  struct CountParse {
    PredictionCache& cache;
    ~CountParse() { cache.ParseFinished(); }
  } count_parse{cache};
  std::shared_lock<std::shared_mutex> cache_lock;
  CypherParser parser(&tokens);
  cache_lock = cache.Attach(parser);
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
    auto strategy = std::make_shared<ExpectingErrorStrategy>();
    listener.set_strategy(strategy.get());
    parser.setErrorHandler(strategy);
    parser.addErrorListener(&listener);
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
        antlr4::atn::PredictionMode::LL);
    try {
      tree = parser.statement();
    } catch (const antlr4::ParseCancellationException&) {  // after the first error
      if (!listener.has_error()) {
        listener.Report(MakeSyntaxError("UnexpectedSyntax", "Invalid input",
                                        PosOf(tokens.get(tokens.index()))));
      }
    }
  }
  if (listener.has_error()) throw listener.error();
  return AstBuilder(input.get(), text).BuildStatement(tree);
}

}  // namespace parley::parser
