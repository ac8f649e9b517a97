#include "ingest/writer.h"

#include "parley/error.h"

namespace parley::ingest {
namespace {

Value OrNull(const std::string& s) { return s.empty() ? Value() : Value(s); }

Value Strings(const std::vector<std::string>& items) {
  List out;
  for (const std::string& s : items) out.emplace_back(s);
  return out;
}

Map Prov(const std::string& evidence, double confidence) {
  return Map{{"evidence", Value(evidence)}, {"confidence", Value(confidence)}};
}

// Entity nodes: MERGE by key, then their other properties.
void AddEntities(const ArticleFacts& f, std::vector<Statement>& out) {
  struct Kind {
    const char* label;
    const std::vector<EntityInfo>* entities;
    const char* extra;  // the property `title` maps to, or nullptr
  };
  for (const Kind& k : {Kind{"Leader", &f.leaders, "title"}, Kind{"Country", &f.countries, nullptr},
                        Kind{"Issue", &f.issues, nullptr}, Kind{"Person", &f.people, "role"}}) {
    if (k.entities->empty()) continue;
    List rows;
    for (const EntityInfo& e : *k.entities) {
      rows.emplace_back(Map{
          {"name", Value(e.name)}, {"aliases", Strings(e.aliases)}, {"extra", OrNull(e.title)}});
    }
    std::string cypher = std::string("UNWIND $rows AS r MERGE (n:") + k.label +
                         " {name: r.name}) SET n.aliases = r.aliases";
    if (k.extra) cypher += std::string(", n.") + k.extra + " = r.extra";
    out.push_back({cypher, Params{{"rows", Value(std::move(rows))}}});
  }
}

void AddArticleAndSummit(const ArticleFacts& f, std::vector<Statement>& out) {
  out.push_back(
      {"MERGE (a:Article {id: $id}) SET a.title = $title, a.source = $source, "
       "a.path = $path, a.dateline = $dateline",
       Params{{"id", Value(f.id)},
              {"title", OrNull(f.title)},
              {"source", OrNull(f.source)},
              {"path", Value(f.path)},
              {"dateline", OrNull(f.dateline)}}});
  if (!f.summit) return;
  const SummitFact& s = *f.summit;
  Params p{{"key", Value(s.key)},          {"name", Value(s.name)},  {"city", Value(s.city)},
           {"country", OrNull(s.country)}, {"date", OrNull(s.date)}, {"id", Value(f.id)}};
  std::string set = "SET s.name = $name, s.city = $city, s.country = $country, s.date = $date";
  if (s.year) {  // the year property is absent when unknown
    set += ", s.year = $year";
    p["year"] = Value(static_cast<std::int64_t>(*s.year));
  }
  out.push_back({"MERGE (s:Summit {key: $key}) " + set, p});
  out.push_back(
      {"MATCH (a:Article {id: $id}), (s:Summit {key: $key}) "
       "MERGE (a)-[r:REPORTS]->(s) SET r.article = $id",
       Params{{"id", Value(f.id)}, {"key", Value(s.key)}}});
}

void AddSummitRelations(const ArticleFacts& f, std::vector<Statement>& out) {
  if (!f.summit) return;
  Params base{{"id", Value(f.id)}, {"key", Value(f.summit->key)}};
  List met;
  for (const AttendanceFact& a : f.attendance) {
    Map row = Prov(a.provenance.evidence, a.provenance.confidence);
    row["leader"] = Value(a.leader);
    met.emplace_back(std::move(row));
  }
  if (!met.empty()) {
    Params p = base;
    p["rows"] = Value(std::move(met));
    out.push_back(
        {"UNWIND $rows AS r MATCH (l:Leader {name: r.leader}), (s:Summit {key: $key}) "
         "CREATE (l)-[:MET_AT {article: $id, evidence: r.evidence, "
         "confidence: r.confidence}]->(s)",
         p});
  }
  for (auto [type, list] :
       {std::pair{"DISCUSSED", &f.discussed}, std::pair{"DISPUTED", &f.disputed}}) {
    if (list->empty()) continue;
    List rows;
    for (const IssueFact& i : *list) {
      Map row = Prov(i.provenance.evidence, i.provenance.confidence);
      row["issue"] = Value(i.issue);
      rows.emplace_back(std::move(row));
    }
    Params p = base;
    p["rows"] = Value(std::move(rows));
    out.push_back({std::string("UNWIND $rows AS r MATCH (s:Summit {key: $key}), "
                               "(i:Issue {name: r.issue}) CREATE (s)-[:") +
                       type +
                       " {article: $id, evidence: r.evidence, confidence: r.confidence}]->(i)",
                   p});
  }
}

void AddStancesLeadsMentions(const ArticleFacts& f, std::vector<Statement>& out) {
  for (bool leader : {true, false}) {
    for (Polarity pol : {Polarity::kSupports, Polarity::kOpposes}) {
      List rows;
      for (const StanceFact& s : f.stances) {
        if (s.holder_is_leader != leader || s.polarity != pol) continue;
        Map row = Prov(s.provenance.evidence, s.provenance.confidence);
        row["holder"] = Value(s.holder);
        row["issue"] = Value(s.issue);
        row["summit"] = OrNull(s.summit);
        rows.emplace_back(std::move(row));
      }
      if (rows.empty()) continue;
      std::string label = leader ? "Leader" : "Country";
      std::string type = pol == Polarity::kSupports ? "SUPPORTS" : "OPPOSES";
      out.push_back({"UNWIND $rows AS r MATCH (h:" + label +
                         " {name: r.holder}), "
                         "(i:Issue {name: r.issue}) CREATE (h)-[:" +
                         type +
                         " {summit: r.summit, article: $id, evidence: r.evidence, "
                         "confidence: r.confidence}]->(i)",
                     Params{{"id", Value(f.id)}, {"rows", Value(std::move(rows))}}});
    }
  }
  if (!f.leads.empty()) {
    List rows;
    for (const LeadsFact& l : f.leads) {
      rows.emplace_back(Map{{"leader", Value(l.leader)},
                            {"country", Value(l.country)},
                            {"start", OrNull(l.start)},
                            {"end", OrNull(l.end)}});
    }
    out.push_back(
        {"UNWIND $rows AS r MATCH (l:Leader {name: r.leader}), "
         "(c:Country {name: r.country}) MERGE (l)-[x:LEADS]->(c) "
         "SET x.start = r.start, x.end = r.end",
         Params{{"rows", Value(std::move(rows))}}});
  }
  for (const char* label : {"Leader", "Country", "Person", "Issue"}) {
    List rows;
    for (const MentionFact& m : f.mentions) {
      if (m.label != label) continue;
      Map row = Prov(m.evidence, 1.0);
      row["name"] = Value(m.name);
      row["count"] = Value(static_cast<std::int64_t>(m.count));
      rows.emplace_back(std::move(row));
    }
    if (rows.empty()) continue;
    out.push_back({std::string("UNWIND $rows AS r MATCH (a:Article {id: $id}), (n:") + label +
                       " {name: r.name}) CREATE (a)-[:MENTIONS {count: r.count, article: $id, "
                       "evidence: r.evidence, confidence: r.confidence}]->(n)",
                   Params{{"id", Value(f.id)}, {"rows", Value(std::move(rows))}}});
  }
}

}  // namespace

std::vector<Statement> FactStatements(const ArticleFacts& facts) {
  std::vector<Statement> out;
  AddEntities(facts, out);
  AddArticleAndSummit(facts, out);
  AddSummitRelations(facts, out);
  AddStancesLeadsMentions(facts, out);
  return out;
}

void GraphWriter::EnsureIndexes() {
  indexed_ = true;
  static constexpr std::pair<const char*, const char*> kIndexes[] = {
      {"Article", "id"}, {"Article", "path"}, {"Leader", "name"}, {"Country", "name"},
      {"Issue", "name"}, {"Person", "name"},  {"Summit", "key"}};
  for (const auto& [label, key] : kIndexes) {
    try {
      connection_.Execute(std::string("CREATE INDEX IF NOT EXISTS FOR (n:") + label + ") ON (n." +
                          key + ")");
    } catch (const Error&) {
      // Indexes only speed the lookups up; without them the writes are the same.
    }
  }
}

WriteOutcome GraphWriter::Write(const ArticleFacts& facts) {
  if (!indexed_ && !connection_.in_transaction()) EnsureIndexes();
  connection_.Begin();
  try {
    Result same = connection_.Execute("MATCH (a:Article {id: $id}) RETURN a.id AS id",
                                      Params{{"id", Value(facts.id)}});
    if (same.row_count() > 0) {
      connection_.Rollback();
      return WriteOutcome::kUnchanged;
    }
    WriteOutcome outcome = WriteOutcome::kAdded;
    Result old = connection_.Execute("MATCH (a:Article {path: $path}) RETURN a.id AS id",
                                     Params{{"path", Value(facts.path)}});
    for (const auto& row : old.rows()) {
      if (row.empty() || !row[0].is_string()) continue;
      Params p{{"old", row[0]}};
      connection_.Execute("MATCH ()-[r]->() WHERE r.article = $old DELETE r", p);
      connection_.Execute("MATCH (a:Article {id: $old}) DETACH DELETE a", p);
      outcome = WriteOutcome::kReplaced;
    }
    for (const Statement& s : FactStatements(facts)) connection_.Execute(s.cypher, s.params);
    connection_.Commit();
    return outcome;
  } catch (...) {
    if (connection_.in_transaction()) connection_.Rollback();
    throw;
  }
}

}  // namespace parley::ingest
