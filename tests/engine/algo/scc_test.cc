#include "tests/engine/algo/algo_test_util.h"

namespace parley::algo_test {
namespace {

class ComponentsTest : public AlgoTest {
 protected:
  // a -> b -> c -> a, c -> d, d <-> e, f alone, g -[:S]-> f.
  void SetUp() override {
    conn_.Execute(
        "CREATE (a:N {name: 'a'}), (b:N {name: 'b'}), (c:N {name: 'c'}), (d:N {name: 'd'}), "
        "(e:N {name: 'e'}), (f:N {name: 'f'}), (g:M {name: 'g'}), "
        "(a)-[:R]->(b), (b)-[:R]->(c), (c)-[:R]->(a), (c)-[:R]->(d), (d)-[:R]->(e), "
        "(e)-[:R]->(d), (g)-[:S]->(f)");
  }
  // Names grouped by component id.
  std::map<std::int64_t, std::string> Groups(const std::string& call) {
    std::map<std::int64_t, std::string> groups;
    for (const auto& [name, id] : ByName(call, "componentId")) groups[id.as_int()] += name;
    return groups;
  }
  std::int64_t IdOf(const std::string& name) {
    return conn_.Execute("MATCH (n {name: '" + name + "'}) RETURN id(n)").rows()[0][0].as_int();
  }
};

TEST_F(ComponentsTest, StrongComponentsFollowDirection) {
  auto groups = Groups("CALL algo.scc()");
  ASSERT_EQ(groups.size(), 4u);
  EXPECT_EQ(groups[IdOf("a")], "abc");
  EXPECT_EQ(groups[IdOf("d")], "de");
  EXPECT_EQ(groups[IdOf("f")], "f");
  EXPECT_EQ(groups[IdOf("g")], "g");
  // Reversed, the same components.
  EXPECT_EQ(Groups("CALL algo.scc({direction: 'INCOMING'})"), groups);
  // BOTH: every relationship both ways, so the weak components.
  groups = Groups("CALL algo.scc({direction: 'BOTH'})");
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[IdOf("a")], "abcde");
}

TEST_F(ComponentsTest, WeakComponentsIgnoreDirection) {
  auto groups = Groups("CALL algo.wcc()");
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[IdOf("a")], "abcde");
  EXPECT_EQ(groups[IdOf("f")], "fg");
  // Without label M, g is gone and f is alone.
  groups = Groups("CALL algo.wcc({labels: ['N']})");
  EXPECT_EQ(groups[IdOf("f")], "f");
  // Type S alone links only g and f.
  groups = Groups("CALL algo.wcc({relationshipTypes: ['S']})");
  EXPECT_EQ(groups.size(), 6u);
}

}  // namespace
}  // namespace parley::algo_test
