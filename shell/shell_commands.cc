// The shell's `:` commands.
#include <fmt/format.h>

#include <charconv>

#include "shell/cli_common.h"
#include "shell/format/value_json.h"
#include "shell/graph_export.h"
#include "shell/shell_session.h"

namespace parley::shell {
namespace {

std::string_view TrimView(std::string_view s) {
  const std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

constexpr const char* kHelp = R"(Statements end with `;` and may span lines.
Commands:
  :help                  this text
  :examples [N]          example questions for the summit graph; N runs one
  :schema                labels, relationship types, property keys and indexes
  :why                   the articles and sentences behind the last result's relationships
  :export FILE           the last result's subgraph (.dot .graphml .json .svg .png .pdf)
  :format table|json|csv how results are printed
  :timer on|off          show how long each statement took
  :maxrows N             show at most N rows of a table (0: all)
  :timeout DURATION      stop statements that run longer (30s, 500ms; 0: no limit)
  :maxmemory SIZE        stop statements whose working memory grows past SIZE (512M; 0: none)
  :param NAME => VALUE   bind $NAME to a Cypher literal or JSON value
  :params                list the bound parameters
  :quit                  leave (Ctrl-D also leaves; Ctrl-C cancels a running query)
)";

// Provenance of relationships: the article, its path, and the sentence read.
constexpr const char* kWhyColumns =
    "OPTIONAL MATCH (a:Article {id: r.article}) "
    "RETURN type(r) AS relationship, coalesce(startNode(r).name, startNode(r).id) AS from, "
    "coalesce(endNode(r).name, endNode(r).id) AS to, r.article AS article, a.path AS path, "
    "r.evidence AS evidence, r.confidence AS confidence "
    "ORDER BY relationship, confidence DESC LIMIT 50";

// `text` broken at spaces into lines of at most `width` characters, each after `indent`.
std::string Wrap(std::string_view text, std::size_t width, std::string_view indent) {
  std::string out, line;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    std::string_view word = text.substr(i, j - i);
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      out += std::string(indent) + line + "\n";
      line.clear();
    }
    if (!word.empty()) line += (line.empty() ? "" : " ") + std::string(word);
    i = j + 1;
  }
  if (!line.empty()) out += std::string(indent) + line + "\n";
  return out;
}

std::string Text(const Value& v) {
  if (v.is_string()) return v.as_string();
  if (v.is_null()) return "";
  return ValueToJson(v);
}

// One block per relationship of a :why query (kWhyColumns): its ends and confidence, the
// article's file name, and the whole evidence sentence, wrapped.
std::string WhyReport(const Result& r) {
  constexpr std::size_t kWidth = 88;
  std::string out;
  for (const auto& row : r.rows()) {
    if (row.size() < 7) continue;
    std::string confidence =
        row[6].is_number() ? fmt::format("confidence {:.2f}", row[6].as_number()) : "";
    out += fmt::format("{} -[{}]-> {}   {}\n", Text(row[1]), Text(row[0]), Text(row[2]),
                       confidence);
    std::string path = Text(row[4]);
    std::string file = path.substr(path.find_last_of('/') == std::string::npos
                                       ? 0
                                       : path.find_last_of('/') + 1);
    out += "  article: " + (file.empty() ? Text(row[3]) : file) + "\n";
    std::string evidence = Text(row[5]);
    out += evidence.empty() ? "  (no evidence stored)\n" : Wrap(evidence, kWidth, "  | ");
    out += "\n";
  }
  out += fmt::format("{} relationship{}\n", r.row_count(), r.row_count() == 1 ? "" : "s");
  return out;
}

}  // namespace

const std::vector<ShellSession::Example>& ShellSession::Examples() {
  static const std::vector<Example> kExamples = {
      {"Which issues did George W. Bush and Vladimir Putin disagree on at every summit "
       "where they met?",
       "MATCH (:Leader {name: 'George W. Bush'})-[:MET_AT]->(s:Summit)<-[:MET_AT]-"
       "(:Leader {name: 'Vladimir Putin'})\nWITH collect(DISTINCT s) AS summits\n"
       "UNWIND summits AS s\nMATCH (s)-[:DISPUTED]->(i:Issue)\n"
       "WITH i, summits, count(DISTINCT s) AS n\nWHERE n = size(summits)\n"
       "RETURN i.name AS issue;"},
      {"Which leaders met at each summit?",
       "MATCH (l:Leader)-[:MET_AT]->(s:Summit)\n"
       "RETURN s.name AS summit, collect(l.name) AS leaders ORDER BY summit;"},
      {"Which issues were discussed at the most summits?",
       "MATCH (s:Summit)-[:DISCUSSED]->(i:Issue)\n"
       "RETURN i.name AS issue, count(DISTINCT s) AS summits ORDER BY summits DESC, issue "
       "LIMIT 10;"},
      {"Who supports and who opposes missile defense?",
       "MATCH (x)-[r:SUPPORTS|OPPOSES]->(:Issue {name: 'missile defense'})\n"
       "RETURN x.name AS who, type(r) AS stance, r.summit AS summit ORDER BY who;"},
      {"Which leader led which country?",
       "MATCH (l:Leader)-[:LEADS]->(c:Country)\n"
       "RETURN c.name AS country, l.name AS leader ORDER BY country, leader;"},
      {"How many articles report on each summit?",
       "MATCH (a:Article)-[:REPORTS]->(s:Summit)\n"
       "RETURN s.name AS summit, count(a) AS articles ORDER BY articles DESC, summit;"},
      {"Which leaders are most central in the meetings graph (PageRank)?",
       "CALL algo.pageRank({labels: ['Leader', 'Summit'], relationshipTypes: ['MET_AT'], "
       "direction: 'BOTH'}) YIELD node, score\n"
       "WHERE node:Leader RETURN node.name AS leader, score ORDER BY score DESC LIMIT 10;"},
      {"Which communities do the leaders form by meeting, and who is most central in each "
       "(label propagation, betweenness)?",
       "CALL algo.betweenness({labels: ['Leader', 'Summit'], relationshipTypes: ['MET_AT'], "
       "direction: 'BOTH'})\nYIELD node AS leader, score WHERE leader:Leader\n"
       "WITH collect({leader: leader, score: score}) AS centrality\n"
       "CALL algo.labelPropagation({labels: ['Leader', 'Summit'], "
       "relationshipTypes: ['MET_AT']})\nYIELD node, communityId WHERE node:Leader\n"
       "WITH communityId, node, [c IN centrality WHERE c.leader = node | c.score][0] AS score\n"
       "ORDER BY score DESC, node.name\n"
       "WITH communityId, collect(node.name) AS leaders, collect(score) AS scores\n"
       "RETURN leaders[0] AS mostCentral, scores[0] AS betweenness, size(leaders) AS size, "
       "leaders AS community\nORDER BY size DESC, betweenness DESC LIMIT 10;"},
  };
  return kExamples;
}

void ShellSession::RunCommand(std::string_view line) {
  const std::size_t space = line.find_first_of(" \t");
  const std::string_view name = line.substr(1, space == std::string_view::npos ? space : space - 1);
  const std::string_view arg =
      space == std::string_view::npos ? std::string_view() : TrimView(line.substr(space));
  if (name == "quit" || name == "exit" || name == "q")
    quit_ = true;
  else if (name == "help" || name == "h" || name == "?")
    Help();
  else if (name == "schema")
    Schema();
  else if (name == "timer")
    Timer(arg);
  else if (name == "format")
    Format(arg);
  else if (name == "param")
    SetParam(arg);
  else if (name == "params")
    ListParams();
  else if (name == "maxrows")
    MaxRows(arg);
  else if (name == "timeout")
    SetTimeout(arg);
  else if (name == "maxmemory")
    SetMaxMemory(arg);
  else if (name == "examples")
    ShowExamples(arg);
  else if (name == "why")
    Why();
  else if (name == "export")
    Export(arg);
  else
    ReportError(Error(ErrorKind::kArgumentError, "",
                      fmt::format("unknown command :{}; :help lists the commands", name)));
}

void ShellSession::Help() { out_ << kHelp; }

void ShellSession::Schema() {
  ShowQuery("Labels:",
            "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS nodes "
            "ORDER BY label",
            {});
  ShowQuery("Relationship types:",
            "MATCH ()-[r]->() RETURN type(r) AS type, "
            "count(*) AS relationships ORDER BY type",
            {});
  ShowQuery("Property keys:",
            "MATCH (n) UNWIND keys(n) AS key RETURN DISTINCT key "
            "UNION MATCH ()-[r]->() UNWIND keys(r) AS key RETURN DISTINCT key",
            {});
  try {
    Result indexes = connection_.Execute("CALL db.indexes()");
    out_ << "Indexes:\n";
    OutputOptions o = CurrentOutput();
    o.format = OutputFormat::kTable;
    o.timer = false;
    PrintResult(indexes, 0, o, out_);
  } catch (const std::exception&) {
    out_ << "Indexes: none listed (db.indexes() is not available)\n";
  }
}

void ShellSession::Timer(std::string_view arg) {
  if (arg == "on")
    output_.timer = true;
  else if (arg == "off")
    output_.timer = false;
  else if (!arg.empty())
    return ReportError(Error(ErrorKind::kArgumentError, "", "use :timer on|off"));
  out_ << "timer " << (output_.timer ? "on" : "off") << "\n";
}

void ShellSession::Format(std::string_view arg) {
  if (!arg.empty()) {
    std::optional<OutputFormat> f = ParseOutputFormat(arg);
    if (!f) return ReportError(Error(ErrorKind::kArgumentError, "", "use :format table|json|csv"));
    output_.format = *f;
  }
  constexpr const char* kNames[] = {"table", "json", "csv"};
  out_ << "format " << kNames[static_cast<int>(output_.format)] << "\n";
}

void ShellSession::SetParam(std::string_view arg) {
  std::size_t sep = arg.find("=>");
  std::size_t skip = 2;
  if (sep == std::string_view::npos) sep = arg.find(':'), skip = 1;
  if (sep == std::string_view::npos) {
    return ReportError(Error(ErrorKind::kArgumentError, "", "use :param NAME => VALUE"));
  }
  std::string name(TrimView(arg.substr(0, sep)));
  if (!name.empty() && name.front() == '$') name.erase(0, 1);
  const std::string value_text(TrimView(arg.substr(sep + skip)));
  if (name.empty() || value_text.empty()) {
    return ReportError(Error(ErrorKind::kArgumentError, "", "use :param NAME => VALUE"));
  }
  Value value;
  try {
    value = ParseValueJson(value_text);  // JSON first: it is also how --param reads values
  } catch (const Error&) {
    std::optional<Result> r = Query("RETURN " + value_text + " AS value", params_);
    if (!r) return;
    if (r->row_count() != 1 || r->rows()[0].size() != 1) {
      return ReportError(Error(ErrorKind::kArgumentError, "", "the value must be one value"));
    }
    value = r->rows()[0][0];
  }
  out_ << "$" << name << " => " << value.ToString() << "\n";
  params_[name] = std::move(value);
}

void ShellSession::ListParams() {
  if (params_.empty()) out_ << "no parameters; set one with :param NAME => VALUE\n";
  for (const auto& [name, value] : params_)
    out_ << "$" << name << " => " << value.ToString() << "\n";
}

void ShellSession::MaxRows(std::string_view arg) {
  std::size_t n = 0;
  auto [end, ec] = std::from_chars(arg.data(), arg.data() + arg.size(), n);
  if (arg.empty() || ec != std::errc() || end != arg.data() + arg.size()) {
    return ReportError(Error(ErrorKind::kArgumentError, "", "use :maxrows N (0: all rows)"));
  }
  output_.max_rows = n;
  out_ << "maxrows " << n << "\n";
}

void ShellSession::SetTimeout(std::string_view arg) {
  if (!arg.empty()) {
    try {
      connection_.set_query_timeout_ms(ParseDurationMs(arg, ":timeout"));
    } catch (const UsageError& e) {
      return ReportError(Error(ErrorKind::kArgumentError, "", e.what()));
    }
  }
  std::uint64_t ms = connection_.query_timeout_ms();
  out_ << "timeout " << (ms == 0 ? std::string("none") : fmt::format("{} ms", ms)) << "\n";
}

void ShellSession::SetMaxMemory(std::string_view arg) {
  if (!arg.empty()) {
    try {
      connection_.set_query_memory_limit(ParseByteSize(arg, ":maxmemory"));
    } catch (const UsageError& e) {
      return ReportError(Error(ErrorKind::kArgumentError, "", e.what()));
    }
  }
  std::uint64_t bytes = connection_.query_memory_limit();
  out_ << "maxmemory " << (bytes == 0 ? std::string("none") : fmt::format("{} bytes", bytes))
       << "\n";
}

void ShellSession::ShowExamples(std::string_view arg) {
  const auto& examples = Examples();
  if (arg.empty()) {
    for (std::size_t i = 0; i < examples.size(); ++i) {
      out_ << fmt::format("{:2}. {}\n", i + 1, examples[i].question);
    }
    out_ << "Run one with :examples N.\n";
    return;
  }
  std::size_t n = 0;
  auto [end, ec] = std::from_chars(arg.data(), arg.data() + arg.size(), n);
  if (ec != std::errc() || end != arg.data() + arg.size() || n < 1 || n > examples.size()) {
    return ReportError(Error(ErrorKind::kArgumentError, "",
                             fmt::format("use :examples N with N from 1 to {}", examples.size())));
  }
  out_ << examples[n - 1].cypher << "\n";
  const std::string saved = std::move(pending_);
  pending_.clear();
  const Statement saved_origin = pending_origin_;
  pending_origin_ = Statement{"", 1, 1};
  pending_ = examples[n - 1].cypher;
  RunPendingStatements(true);
  pending_ = saved;
  pending_origin_ = saved_origin;
}

void ShellSession::Why() {
  if (!last_result_) {
    return ReportError(
        Error(ErrorKind::kArgumentError, "", "run a query first; :why explains its result"));
  }
  Subgraph graph;
  graph.AddResult(*last_result_);
  List ids;
  if (!graph.rels.empty()) {
    for (const auto& [id, r] : graph.rels) ids.push_back(Value(static_cast<std::int64_t>(id)));
    if (std::optional<Result> r =
            Query(std::string("MATCH ()-[r]->() WHERE id(r) IN $ids ") + kWhyColumns,
                  {{"ids", Value(ids)}})) {
      out_ << WhyReport(*r);
    }
    return;
  }
  // No relationships: start from the nodes, or from nodes named like the result's strings.
  List names;
  for (const auto& row : last_result_->rows()) {
    for (const Value& v : row) {
      if (v.is_string()) names.push_back(v);
    }
  }
  for (const auto& [id, n] : graph.nodes) ids.push_back(Value(static_cast<std::int64_t>(id)));
  std::optional<Result> r =
      Query(std::string("MATCH (x)-[r]-(y) WHERE (id(x) IN $ids OR x.name IN $names) "
                        "AND r.evidence IS NOT NULL AND type(r) <> 'MENTIONS' "
                        "AND (size($ids) < 2 OR id(y) IN $ids) "
                        "WITH DISTINCT r ") +
                kWhyColumns,
            {{"ids", Value(ids)}, {"names", Value(names)}});
  if (r) out_ << WhyReport(*r);
}

void ShellSession::Export(std::string_view arg) {
  if (arg.empty()) return ReportError(Error(ErrorKind::kArgumentError, "", "use :export FILE"));
  if (!last_result_) {
    return ReportError(
        Error(ErrorKind::kArgumentError, "", "run a query first; :export writes its subgraph"));
  }
  try {
    Subgraph graph = CollectSubgraph(connection_, &*last_result_);
    ExportGraphToFile(graph, std::string(arg));
    out_ << fmt::format("{} nodes, {} relationships written to {}\n", graph.nodes.size(),
                        graph.rels.size(), arg);
  } catch (const Error& e) {
    ReportError(e);
  }
}

}  // namespace parley::shell
