#include "shell/format/graph_writers.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "shell/graph_export.h"

namespace parley::shell {
namespace {

Subgraph SampleGraph() {
  Node bush{
      1, {"Leader"}, {{"name", Value("George W. Bush")}, {"aliases", Value(List{Value("Bush")})}}};
  Node putin{2, {"Leader"}, {{"name", Value("Vladimir \"V\" Putin <&>")}}};
  Node sochi{3, {"Summit"}, {{"name", Value("Sochi 2008")}, {"year", Value(2008)}}};
  Relationship r1{10, "MET_AT", 1, 3, {{"confidence", Value(0.9)}}};
  Relationship r2{11, "MET_AT", 2, 3, {{"confidence", Value(1)}, {"evidence", Value("a\nb")}}};
  Subgraph g;
  g.AddValue(Value(Path{{bush, sochi, putin}, {r1, r2}}));
  return g;
}

std::string TempPath(const std::string& name) { return ::testing::TempDir() + "/" + name; }

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

TEST(SubgraphTest, ExpandsPathsListsAndMapsAndFindsMissingEnds) {
  Subgraph g = SampleGraph();
  EXPECT_EQ(g.nodes.size(), 3u);
  EXPECT_EQ(g.rels.size(), 2u);
  EXPECT_TRUE(g.MissingEndpoints().empty());
  Subgraph h;
  h.AddValue(Value(Map{{"x", Value(List{Value(Relationship{5, "T", 8, 9, {}})})}}));
  EXPECT_EQ(h.MissingEndpoints(), (std::vector<std::uint64_t>{8, 9}));
}

TEST(GraphWritersTest, DotNamesNodesColoursLabelsAndLabelsEdgesByType) {
  std::string dot = WriteDot(SampleGraph());
  EXPECT_NE(dot.find("n1 -> n3 [label=\"MET_AT\"]"), std::string::npos);
  EXPECT_NE(dot.find(":Leader\\nGeorge W. Bush"), std::string::npos);
  EXPECT_NE(dot.find("Vladimir \\\"V\\\" Putin"), std::string::npos);
  EXPECT_NE(dot.find("fillcolor=\"#"), std::string::npos);
}

TEST(GraphWritersTest, DotRendersWithGraphviz) {
  if (std::system("command -v dot >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "Graphviz dot not installed";
  const std::string dot = TempPath("graph.dot"), svg = TempPath("graph.svg");
  WriteFile(dot, WriteDot(SampleGraph()));
  ASSERT_EQ(std::system(("dot -Tsvg -o " + svg + " " + dot).c_str()), 0);
  std::ifstream in(svg);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("<svg"), std::string::npos);
  EXPECT_NE(text.find("Sochi 2008"), std::string::npos);
}

TEST(GraphWritersTest, RenderDotWritesAnSvg) {
  if (std::system("command -v dot >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "Graphviz dot not installed";
  const std::string svg = TempPath("render.svg");
  std::remove(svg.c_str());
  ExportGraphToFile(SampleGraph(), svg);
  std::ifstream in(svg);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("<svg"), std::string::npos);
}

TEST(GraphWritersTest, GraphmlIsWellFormedXmlWithTypedKeys) {
  const std::string path = TempPath("graph.graphml");
  WriteFile(path, WriteGraphml(SampleGraph()));
  // Parsed back with Python's XML parser: the document must be well formed, every <data>
  // must refer to a declared <key>, and the edges must join declared nodes.
  const std::string check =
      "python3 -c \"import sys, xml.etree.ElementTree as E\n"
      "ns='{http://graphml.graphdrawing.org/xmlns}'\n"
      "r=E.parse(sys.argv[1]).getroot()\n"
      "keys={k.get('id'): k for k in r.iter(ns+'key')}\n"
      "assert all(d.get('key') in keys for d in r.iter(ns+'data'))\n"
      "nodes={n.get('id') for n in r.iter(ns+'node')}\n"
      "edges=list(r.iter(ns+'edge'))\n"
      "assert len(nodes)==3 and len(edges)==2\n"
      "assert all(e.get('source') in nodes and e.get('target') in nodes for e in edges)\n"
      "assert keys['node_year'].get('attr.type')=='long'\n"
      "assert keys['edge_confidence'].get('attr.type')=='string'\n"
      "names=[d.text for d in r.iter(ns+'data') if d.get('key')=='node_name']\n"
      "assert 'Vladimir \\\"V\\\" Putin <&>' in names, names\n"
      "\" " +
      path;
  EXPECT_EQ(std::system(check.c_str()), 0) << WriteGraphml(SampleGraph());
}

TEST(GraphWritersTest, JsonListsNodesAndRelationships) {
  nlohmann::json j = nlohmann::json::parse(WriteGraphJson(SampleGraph()));
  ASSERT_EQ(j["nodes"].size(), 3u);
  ASSERT_EQ(j["relationships"].size(), 2u);
  EXPECT_EQ(j["nodes"][0]["labels"][0], "Leader");
  EXPECT_EQ(j["relationships"][0]["type"], "MET_AT");
  EXPECT_EQ(j["relationships"][1]["start"], 2);
  EXPECT_TRUE(j["relationships"][0]["properties"]["confidence"].is_number_float());
}

TEST(GraphWritersTest, FileFormatsFollowTheExtension) {
  EXPECT_EQ(GraphFormatFor("a/b.DOT"), GraphFormat::kDot);
  EXPECT_EQ(GraphFormatFor("x.graphml"), GraphFormat::kGraphml);
  EXPECT_EQ(GraphFormatFor("x.json"), GraphFormat::kJson);
  EXPECT_EQ(RenderFormatFor("x.png"), "png");
  EXPECT_FALSE(GraphFormatFor("x.txt"));
  EXPECT_FALSE(RenderFormatFor("dir.svg/file"));
}

}  // namespace
}  // namespace parley::shell
