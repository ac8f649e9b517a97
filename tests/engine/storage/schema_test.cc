// The schema's name tables (engine/storage/schema.h): copies share their names until one
// of them adds a name.
#include "engine/storage/schema.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace parley::storage {
namespace {

TEST(NameTableTest, ACopySharesTheNamesUntilItAddsOne) {
  NameTable original;
  original.Add("Person");
  original.Add("City");
  NameTable copy(original);
  EXPECT_TRUE(copy.SharesNamesWith(original));
  EXPECT_EQ(copy.Find("City"), 1u);
  EXPECT_EQ(copy.Add("Country"), 2u);
  EXPECT_FALSE(copy.SharesNamesWith(original));
  EXPECT_EQ(copy.size(), 3u);
  EXPECT_EQ(original.size(), 2u);
  EXPECT_FALSE(original.Find("Country").has_value());
  EXPECT_EQ(copy.Name(2, "label"), "Country");
  EXPECT_THROW(original.Name(2, "label"), Error);
}

TEST(NameTableTest, AnOwnTableAddsInPlace) {
  NameTable table;
  table.Add("a");
  NameTable copy(table);
  copy.Add("b");  // copy-on-write: copy now owns its names
  const std::string& a = copy.Name(0, "key");
  copy.Add("c");  // no other holder: in place, and the reference stays valid
  EXPECT_EQ(&copy.Name(0, "key"), &a);
  EXPECT_EQ(copy.Find("c"), 2u);
}

// References Name() returned stay valid while the table lives, even when it has since
// copied its names away from the ones they point into and the other holder is gone (a
// sanitizer build reports the use after free this guards against).
TEST(NameTableTest, ReferencesOutliveACopyOnWriteWhileTheTableLives) {
  NameTable table;
  table.Add("Person");
  const std::string& person = table.Name(0, "label");
  {
    auto other = std::make_unique<NameTable>(table);
    table.Add("City");  // shared with `other`: copies
    EXPECT_FALSE(table.SharesNamesWith(*other));
  }
  EXPECT_EQ(person, "Person");
  EXPECT_EQ(table.Name(1, "label"), "City");
}

TEST(NameTableTest, LoadFillsIdsInAnyOrder) {
  NameTable table;
  table.Load(2, "c");
  table.Load(0, "a");
  table.Load(1, "b");
  EXPECT_EQ(table.size(), 3u);
  EXPECT_EQ(table.Find("c"), 2u);
  EXPECT_EQ(table.Name(0, "type"), "a");
}

}  // namespace
}  // namespace parley::storage
