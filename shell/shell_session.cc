#include "shell/shell_session.h"

#include <fmt/format.h>

#include "shell/error_report.h"

namespace parley::shell {
namespace {

constexpr std::size_t kInteractiveMaxRows = 1000;

std::string_view Trim(std::string_view s) {
  const std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const std::size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> Column(const std::optional<Result>& r) {
  std::vector<std::string> out;
  if (!r) return out;
  for (const auto& row : r->rows()) {
    if (!row.empty() && row[0].is_string()) out.push_back(row[0].as_string());
  }
  return out;
}

}  // namespace

ShellSession::ShellSession(Connection& connection, std::ostream& out, std::ostream& err,
                           bool interactive)
    : connection_(connection),
      out_(out),
      err_(err),
      interactive_(interactive),
      executor_([](Connection& c, const Statement& s, const Params& p) {
        return ExecuteStatement(c, s, p);
      }) {
  output_.max_rows = interactive ? kInteractiveMaxRows : 0;
}

void ShellSession::FeedLine(std::string_view line) {
  ++line_number_;
  if (pending_.empty()) {
    const std::string_view trimmed = Trim(line);
    if (trimmed.empty()) return;
    if (trimmed.front() == ':') {
      if (history_sink_) history_sink_(std::string(trimmed));
      RunCommand(trimmed);
      return;
    }
    pending_origin_ = Statement{"", interactive_ ? 1 : line_number_, 1};
  }
  pending_ += line;
  pending_ += '\n';
  RunPendingStatements(false);
}

void ShellSession::Finish() {
  if (!pending_.empty()) RunPendingStatements(true);
}

void ShellSession::ClearPending() { pending_.clear(); }

void ShellSession::RunPendingStatements(bool at_end) {
  const std::string input = std::move(pending_);
  pending_.clear();
  SplitResult split = SplitStatements(input);
  for (std::size_t i = 0; i < split.statements.size(); ++i) {
    const Statement& s = split.statements[i];
    const bool last_incomplete = i + 1 == split.statements.size() && !split.complete;
    if (last_incomplete && !at_end) {
      // Keep the unfinished statement; it starts where `s` does in the whole input.
      pending_ = s.text;
      const SourcePos origin = pending_origin_.ToInputPos({s.line, s.column});
      pending_origin_ = Statement{"", origin.line, origin.column};
      if (IsBlankStatement(pending_) && !split.open_construct) pending_.clear();
      return;
    }
    if (history_sink_) history_sink_(std::string(Trim(s.text)) + ";");
    RunStatement(s, input);
    if (quit_) return;
  }
}

bool ShellSession::RunStatement(const Statement& statement, std::string_view input) {
  Executed run = executor_(connection_, statement, params_);
  if (run.error) {
    // run.error is positioned in `input`; map it on to the whole input for the report.
    const SourcePos in_input = run.error->pos();
    const SourcePos shown = pending_origin_.ToInputPos(in_input);
    const std::string_view line = in_input.known() ? LineOf(input, in_input.line) : "";
    err_ << FormatErrorAt(*run.error, shown, line, in_input.column, interactive_ ? "" : "<stdin>");
    err_.flush();
    ++failures_;
    return false;
  }
  if (!first_output_ && output_.format != OutputFormat::kJson) out_ << '\n';
  first_output_ = false;
  PrintResult(*run.result, run.elapsed_ms, CurrentOutput(), out_);
  if (run.result->stats().contains_updates()) vocabulary_.reset();
  last_result_ = std::move(run.result);
  return true;
}

OutputOptions ShellSession::CurrentOutput() {
  OutputOptions o = output_;
  o.max_width = width_ ? width_() : 0;
  return o;
}

std::optional<Result> ShellSession::Query(const std::string& cypher, const Params& params) {
  try {
    return connection_.Execute(cypher, params);
  } catch (const Error& e) {
    ReportError(e);
  } catch (const std::exception& e) {
    ReportError(Error(ErrorKind::kRuntimeError, "", e.what()));
  }
  return std::nullopt;
}

bool ShellSession::ShowQuery(const std::string& title, const std::string& cypher,
                             const Params& params) {
  std::optional<Result> r = Query(cypher, params);
  if (!r) return false;
  if (!title.empty()) out_ << title << "\n";
  OutputOptions o = CurrentOutput();
  o.format = OutputFormat::kTable;
  o.timer = false;
  PrintResult(*r, 0, o, out_);
  return true;
}

void ShellSession::ReportError(const Error& error) {
  err_ << FormatErrorAt(error, {}, "", 0, "");
  err_.flush();
  ++failures_;
}

const Vocabulary& ShellSession::vocabulary() {
  if (!vocabulary_) {
    Vocabulary v;
    auto names = [this](const char* cypher) {
      try {
        return Column(connection_.Execute(cypher));
      } catch (const std::exception&) {
        return std::vector<std::string>{};  // completion degrades; it never reports
      }
    };
    v.labels = names("MATCH (n) UNWIND labels(n) AS label RETURN DISTINCT label");
    v.relationship_types = names("MATCH ()-[r]->() RETURN DISTINCT type(r) AS type");
    v.property_keys = names(
        "MATCH (n) UNWIND keys(n) AS key RETURN DISTINCT key "
        "UNION MATCH ()-[r]->() UNWIND keys(r) AS key RETURN DISTINCT key");
    vocabulary_ = std::move(v);
  }
  vocabulary_->parameters.clear();
  for (const auto& [name, value] : params_) vocabulary_->parameters.push_back(name);
  return *vocabulary_;
}

}  // namespace parley::shell
