#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "engine/import/header.h"
#include "engine/import/importer.h"
#include "parley/error.h"

namespace parley::import {
namespace {

namespace fs = std::filesystem;
using storage::EdgeRef;
using storage::GraphStore;
using storage::TxnMode;

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/import_test_" + std::to_string(::getpid()) + "_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::create_directories(dir_);
    storage::StoreOptions options;
    options.in_memory = true;
    store_ = GraphStore::Open("import", options);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string File(const std::string& name, const std::string& contents) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << contents;
    return path;
  }
  Error ImportError(const ImportOptions& options) {
    try {
      ImportCsv(*store_, options);
    } catch (const Error& e) {
      return e;
    }
    ADD_FAILURE() << "no error";
    return Error(ErrorKind::kRuntimeError, "", "");
  }
  // The node whose property `key` equals `value`, by scanning.
  std::optional<NodeId> Find(storage::Txn& txn, const std::string& key, const Value& value) {
    auto k = txn.FindPropKey(key);
    if (!k) return std::nullopt;
    auto nodes = txn.ScanNodes();
    for (NodeId id; nodes->Next(&id);) {
      if (txn.NodeProperty(id, *k) == value) return id;
    }
    return std::nullopt;
  }

  std::string dir_;
  std::unique_ptr<GraphStore> store_;
};

TEST_F(ImportTest, TypedColumnsArraysAndLabels) {
  ImportOptions options;
  options.nodes.push_back({File("people.csv",
                                "personId:ID,name,age:INT,score:FLOAT,flag:BOOLEAN,tags:STRING[],"
                                "nums:long[],:LABEL\n"
                                "p1,Ann,42,1.5,true,a;b,1;2;3,Leader;Person\n"
                                "p2,\"Bob, Jr.\",,2,FALSE,,,\n"),
                           {"Human"}});
  ImportReport report = ImportCsv(*store_, options);
  EXPECT_EQ(report.nodes_imported, 2u);
  auto txn = store_->Begin(TxnMode::kReadOnly);
  auto ann = Find(*txn, "personId", Value("p1"));
  ASSERT_TRUE(ann.has_value());
  auto key = [&](const char* k) { return *txn->FindPropKey(k); };
  EXPECT_EQ(txn->NodeProperty(*ann, key("name")), Value("Ann"));
  EXPECT_EQ(txn->NodeProperty(*ann, key("age")), Value(42));
  EXPECT_EQ(txn->NodeProperty(*ann, key("score")), Value(1.5));
  EXPECT_EQ(txn->NodeProperty(*ann, key("flag")), Value(true));
  EXPECT_EQ(txn->NodeProperty(*ann, key("tags")), Value(List{Value("a"), Value("b")}));
  EXPECT_EQ(txn->NodeProperty(*ann, key("nums")), Value(List{Value(1), Value(2), Value(3)}));
  EXPECT_EQ(txn->NodeLabels(*ann).size(), 3u);
  auto bob = Find(*txn, "name", Value("Bob, Jr."));
  ASSERT_TRUE(bob.has_value());
  EXPECT_TRUE(txn->NodeProperty(*bob, key("age")).is_null());  // empty field: no property
  EXPECT_EQ(txn->NodeProperty(*bob, key("score")), Value(2.0));
  EXPECT_EQ(txn->NodeLabels(*bob), std::vector<LabelId>{*txn->FindLabel("Human")});
  EXPECT_EQ(txn->LabelCount(*txn->FindLabel("Human")), 2u);
  EXPECT_EQ(txn->LabelCount(*txn->FindLabel("Leader")), 1u);
}

TEST_F(ImportTest, RelationshipsWithFileTypeAndTypeColumn) {
  ImportOptions options;
  options.id_type = IdType::kInteger;
  options.nodes.push_back({File("n.csv", "id:ID,name\n1,a\n2,b\n3,c\n"), {"N"}});
  options.relationships.push_back(
      {File("r1.csv", ":START_ID,:END_ID,since:INT\n1,2,1999\n2,3,2000\n"), "KNOWS"});
  options.relationships.push_back(
      {File("r2.csv", ":START_ID,:END_ID,:TYPE\n3,3,LOOPS\n1,3,LIKES\n"), ""});
  ImportReport report = ImportCsv(*store_, options);
  EXPECT_EQ(report.relationships_imported, 4u);
  auto txn = store_->Begin(TxnMode::kReadOnly);
  auto one = Find(*txn, "id", Value(1));  // integer ids are stored as integers
  ASSERT_TRUE(one.has_value());
  EXPECT_EQ(txn->Degree(*one, Direction::kOut, {}), 2u);
  EXPECT_EQ(txn->RelTypeCount(*txn->FindRelType("KNOWS")), 2u);
  EXPECT_EQ(txn->RelTypeCount(*txn->FindRelType("LOOPS")), 1u);
  auto three = Find(*txn, "id", Value(3));
  EXPECT_EQ(txn->Degree(*three, Direction::kBoth, {}), 3u);  // 2->3, 1->3, the loop once
  std::vector<RelTypeId> knows{*txn->FindRelType("KNOWS")};
  auto edges = txn->Expand(*one, Direction::kOut, knows);
  EdgeRef e{};
  ASSERT_TRUE(edges->Next(&e));
  EXPECT_EQ(txn->RelProperty(e.rel, *txn->FindPropKey("since")), Value(1999));
}

TEST_F(ImportTest, BadRowFailsTheWholeImportNamingFileAndLine) {
  ImportOptions options;
  std::string path = File("n.csv", "id:ID,age:INT\na,1\nb,x\nc,3\n");
  options.nodes.push_back({path, {"N"}});
  Error e = ImportError(options);
  EXPECT_EQ(e.detail(), "ImportError");
  EXPECT_NE(std::string(e.what()).find(path + ":3:"), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("'x' is not an integer"), std::string::npos);
  auto txn = store_->Begin(TxnMode::kReadOnly);
  EXPECT_EQ(txn->NodeCount(), 0u);
  EXPECT_FALSE(txn->FindLabel("N").has_value());
}

TEST_F(ImportTest, SkipModeLoadsTheRestAndReportsEachBadRow) {
  ImportOptions options;
  options.skip_bad_rows = true;
  options.nodes.push_back({File("n.csv",
                                "id:ID,ok:BOOLEAN\na,true\na,false\nb,maybe\nc,false,extra\n"
                                "d,true\n"),
                           {}});
  options.relationships.push_back(
      {File("r.csv", ":START_ID,:END_ID\na,d\na,zz\nqq,d\n\"open\n"), "T"});
  ImportReport report = ImportCsv(*store_, options);
  EXPECT_EQ(report.nodes_imported, 2u);
  EXPECT_EQ(report.relationships_imported, 1u);
  ASSERT_EQ(report.skipped.size(), 6u);
  EXPECT_EQ(report.skipped[0].line, 3u);
  EXPECT_NE(report.skipped[0].reason.find("duplicate"), std::string::npos);
  EXPECT_EQ(report.skipped[1].line, 4u);
  EXPECT_EQ(report.skipped[2].line, 5u);
  EXPECT_NE(report.skipped[2].reason.find("expected 2 fields"), std::string::npos);
  EXPECT_NE(report.skipped[3].reason.find("'zz' is not the id"), std::string::npos);
  EXPECT_NE(report.skipped[4].reason.find("start 'qq'"), std::string::npos);
  EXPECT_NE(report.skipped[5].reason.find("not closed"), std::string::npos);
  auto txn = store_->Begin(TxnMode::kReadOnly);
  EXPECT_EQ(txn->NodeCount(), 2u);
  EXPECT_EQ(txn->RelCount(), 1u);
}

TEST_F(ImportTest, IntegerIdsCompareAsNumbersWhateverTheirSize) {
  ImportOptions options;
  options.id_type = IdType::kInteger;
  options.skip_bad_rows = true;
  options.nodes.push_back(
      {File("n.csv", "id:ID\n7\n-3\n9223372036854775807\n007\n+9223372036854775807\nx\n"), {}});
  options.relationships.push_back(
      {File("r.csv", ":START_ID,:END_ID\n-3,07\n9223372036854775807,-3\n8,7\n"), "T"});
  ImportReport report = ImportCsv(*store_, options);
  EXPECT_EQ(report.nodes_imported, 3u);
  EXPECT_EQ(report.relationships_imported, 2u);
  ASSERT_EQ(report.skipped.size(), 4u);
  EXPECT_NE(report.skipped[0].reason.find("duplicate node id '007'"), std::string::npos);
  EXPECT_NE(report.skipped[1].reason.find("duplicate"), std::string::npos);
  EXPECT_NE(report.skipped[2].reason.find("not an integer"), std::string::npos);
  EXPECT_NE(report.skipped[3].reason.find("start '8'"), std::string::npos);
  auto txn = store_->Begin(TxnMode::kReadOnly);
  auto seven = Find(*txn, "id", Value(7));
  ASSERT_TRUE(seven.has_value());
  EXPECT_EQ(txn->Degree(*seven, Direction::kIn, {}), 1u);
}

TEST_F(ImportTest, UnnamedIdAndIgnoredColumnsAreNotStored) {
  ImportOptions options;
  options.nodes.push_back(
      {File("n.csv", ":ID,skip:IGNORE,flags:boolean[],w:double[]\nk1,zzz,true;FALSE,0.5;-2\n"),
       {}});
  ImportCsv(*store_, options);
  auto txn = store_->Begin(TxnMode::kReadOnly);
  NodeId node;
  ASSERT_TRUE(txn->ScanNodes()->Next(&node));
  storage::PropertyMap properties = txn->NodeProperties(node);
  ASSERT_EQ(properties.size(), 2u);
  EXPECT_EQ(txn->NodeProperty(node, *txn->FindPropKey("flags")),
            Value(List{Value(true), Value(false)}));
  EXPECT_EQ(txn->NodeProperty(node, *txn->FindPropKey("w")), Value(List{Value(0.5), Value(-2.0)}));
  EXPECT_FALSE(txn->FindPropKey("skip").has_value());
}

TEST_F(ImportTest, DanglingEndFailsByDefault) {
  ImportOptions options;
  options.nodes.push_back({File("n.csv", "id:ID\na\n"), {}});
  options.relationships.push_back({File("r.csv", ":START_ID,:END_ID\na,b\n"), "T"});
  Error e = ImportError(options);
  EXPECT_NE(std::string(e.what()).find("end 'b'"), std::string::npos);
  EXPECT_EQ(store_->Begin(TxnMode::kReadOnly)->NodeCount(), 0u);
}

TEST_F(ImportTest, IdSpacesKeepEqualIdsApart) {
  ImportOptions options;
  options.nodes.push_back({File("p.csv", "id:ID(Person)\n1\n"), {"Person"}});
  options.nodes.push_back({File("c.csv", "id:ID(City)\n1\n"), {"City"}});
  options.relationships.push_back(
      {File("r.csv", ":START_ID(Person),:END_ID(City)\n1,1\n"), "LIVES_IN"});
  ImportReport report = ImportCsv(*store_, options);
  EXPECT_EQ(report.nodes_imported, 2u);
  auto txn = store_->Begin(TxnMode::kReadOnly);
  auto person = txn->ScanLabel(*txn->FindLabel("Person"));
  NodeId p;
  ASSERT_TRUE(person->Next(&p));
  auto edges = txn->Expand(p, Direction::kOut, {});
  EdgeRef e{};
  ASSERT_TRUE(edges->Next(&e));
  EXPECT_TRUE(txn->NodeHasLabel(e.other, *txn->FindLabel("City")));
}

TEST_F(ImportTest, BadHeaderAndMissingFileAreErrors) {
  ImportOptions options;
  options.nodes.push_back({File("n.csv", "id:ID,x:DECIMAL\n1,2\n"), {}});
  EXPECT_NE(std::string(ImportError(options).what()).find("DECIMAL"), std::string::npos);
  options.nodes = {{dir_ + "/missing.csv", {}}};
  EXPECT_NE(std::string(ImportError(options).what()).find("missing.csv"), std::string::npos);
  options.nodes = {{dir_, {}}};
  EXPECT_NE(
      std::string(ImportError(options).what()).find("cannot read " + dir_ + ": Is a directory"),
      std::string::npos);
  options.nodes = {};
  options.relationships = {{File("r.csv", ":START_ID,x\n"), "T"}};
  EXPECT_NE(std::string(ImportError(options).what()).find("END_ID"), std::string::npos);
}

TEST_F(ImportTest, ProgressReachesTheTotal) {
  std::string rows = "id:ID\n";
  for (int i = 0; i < 120000; ++i) rows += std::to_string(i) + "\n";
  ImportOptions options;
  options.nodes.push_back({File("n.csv", rows), {}});
  std::vector<ImportProgress> seen;
  options.progress = [&](const ImportProgress& p) { seen.push_back(p); };
  ImportCsv(*store_, options);
  ASSERT_GE(seen.size(), 3u);
  EXPECT_EQ(seen.back().rows_done, 120000u);
  EXPECT_EQ(seen.back().bytes_done, seen.back().bytes_total);
  EXPECT_LT(seen.front().bytes_done, seen.back().bytes_done);
}

TEST_F(ImportTest, OtherDelimiter) {
  ImportOptions options;
  options.delimiter = '\t';
  options.nodes.push_back({File("n.tsv", "id:ID\tname\n1\ta,b\n"), {}});
  ImportCsv(*store_, options);
  auto txn = store_->Begin(TxnMode::kReadOnly);
  EXPECT_TRUE(Find(*txn, "name", Value("a,b")).has_value());
}

// A bad row after enough relationships for the background writer to have written part of
// the `rel` file: the error is the row's, and neither data nor files remain.
TEST_F(ImportTest, BadRowAfterManyRelationshipsKeepsNothingOnDisk) {
  std::string db = dir_ + "/db";
  auto store = GraphStore::Open(db, {});
  std::string rels = ":START_ID,:END_ID\n";
  for (int i = 0; i < 150000; ++i)
    rels += std::to_string(i % 3) + "," + std::to_string(i % 2) + "\n";
  rels += "0,7\n";
  ImportOptions options;
  options.id_type = IdType::kInteger;
  options.nodes.push_back({File("n.csv", "id:ID\n0\n1\n2\n"), {"N"}});
  options.relationships.push_back({File("r.csv", rels), "R"});
  try {
    ImportCsv(*store, options);
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("r.csv:150002: end '7' is not the id of an imported node"),
              std::string::npos)
        << e.what();
  }
  auto txn = store->Begin(TxnMode::kReadOnly);
  EXPECT_EQ(txn->NodeCount(), 0u);
  EXPECT_EQ(txn->RelCount(), 0u);
  txn.reset();
  for (const auto& entry : fs::directory_iterator(db)) {
    EXPECT_FALSE(entry.path().filename().string().starts_with("bulk-")) << entry.path();
  }
}

// Text that is not UTF-8 would be stored as it is, then printed as invalid JSON: every
// field whose text is stored (values, ids, labels, types) is checked, as the header is.
TEST_F(ImportTest, FieldThatIsNotUtf8FailsTheImportNamingFileLineAndColumn) {
  ImportOptions options;
  std::string path = File("n.csv",
                          "id:ID,name\n1,ok\n2,a\xff\xfe"
                          "b\n");
  options.nodes.push_back({path, {"N"}});
  Error e = ImportError(options);
  EXPECT_EQ(e.detail(), "ImportError");
  EXPECT_NE(std::string(e.what()).find(path + ":3: column 'name': the text is not valid UTF-8 "
                                              "(byte 2)"),
            std::string::npos)
      << e.what();
  EXPECT_EQ(std::string(e.what()).find('\xff'), std::string::npos);  // not echoed
  EXPECT_EQ(store_->Begin(TxnMode::kReadOnly)->NodeCount(), 0u);
}

TEST_F(ImportTest, SkipModeSkipsEveryRowWhoseStoredTextIsNotUtf8) {
  ImportOptions options;
  options.skip_bad_rows = true;
  options.nodes.push_back({File("n.csv",
                                ":ID,name,tags:STRING[],:LABEL,note:IGNORE,n:INT\n"
                                "a,caf\xc3\xa9,x;y,L,\xff,1\n"  // é is fine; ignored text too
                                "b,\xc0\xaf,,,,\n"              // overlong
                                "c,,x;\xed\xa0\x80,,,\n"        // surrogate in an array
                                "d,,,Good;B\xe4se,,\n"          // Latin-1 in a label
                                "\xe9t\xe9,,,,,\n"              // Latin-1 in a string id
                                "f,,,,,1\xff\n"                 // in a number
                                "g,\"quoted \xe2\x82\",,,,\n"   // truncated, quoted
                                "h,\xf0\x9f\x98\x80,,,,\n"),    // an emoji is fine
                           {}});
  options.relationships.push_back({File("r.csv",
                                        ":START_ID,:END_ID,:TYPE,w\n"
                                        "a,h,KNOWS,fine\n"
                                        "a,h,KN\xd6WS,\n"  // Latin-1 in a :TYPE value
                                        "a,h,KNOWS,\x80\n"),
                                   ""});
  ImportReport report = ImportCsv(*store_, options);
  EXPECT_EQ(report.nodes_imported, 2u);
  EXPECT_EQ(report.relationships_imported, 1u);
  std::vector<std::uint64_t> lines;
  for (const SkippedRow& row : report.skipped) {
    lines.push_back(row.line);
    EXPECT_NE(row.reason.find("is not valid UTF-8"), std::string::npos) << row.reason;
  }
  ASSERT_EQ(lines, (std::vector<std::uint64_t>{3, 4, 5, 6, 7, 8, 3, 4}));
  EXPECT_NE(report.skipped[1].reason.find("column 'tags'"), std::string::npos);
  EXPECT_NE(report.skipped[2].reason.find("the :LABEL column"), std::string::npos);
  EXPECT_NE(report.skipped[3].reason.find("the :ID column: the text is not valid UTF-8 (byte 1)"),
            std::string::npos);
  EXPECT_NE(report.skipped[4].reason.find("column 'n'"), std::string::npos);
  EXPECT_NE(report.skipped[6].reason.find("the :TYPE column: the text is not valid UTF-8 (byte 3)"),
            std::string::npos);
  EXPECT_NE(report.skipped[7].reason.find("column 'w'"), std::string::npos);
  auto txn = store_->Begin(TxnMode::kReadOnly);
  EXPECT_TRUE(Find(*txn, "name", Value("caf\xc3\xa9")).has_value());
  EXPECT_TRUE(Find(*txn, "name", Value("\xf0\x9f\x98\x80")).has_value());
  EXPECT_FALSE(txn->FindPropKey("note").has_value());
  EXPECT_FALSE(txn->FindLabel("Good").has_value());
}

TEST_F(ImportTest, HeaderOrGivenNamesThatAreNotUtf8AreRefused) {
  ImportOptions options;
  std::string path = File("n.csv", "id:ID,na\xefme\n1,x\n");
  options.nodes.push_back({path, {}});
  Error header = ImportError(options);
  EXPECT_NE(std::string(header.what())
                .find(path + ":1: bad header: column 2 is not valid UTF-8 (byte 3)"),
            std::string::npos)
      << header.what();
  options.skip_bad_rows = true;  // a header is never skipped
  EXPECT_EQ(ImportError(options).detail(), "ImportError");

  std::string ok = File("ok.csv", "id:ID\n1\n");
  options.nodes = {{ok, {"Caf\xe9"}}};
  EXPECT_NE(std::string(ImportError(options).what())
                .find("label 'Caf?' given for " + ok + " is not valid UTF-8 (byte 4)"),
            std::string::npos);
  options.nodes = {{ok, {}}};
  options.relationships = {{File("r.csv", ":START_ID,:END_ID\n1,1\n"), "T\xff"}};
  EXPECT_NE(std::string(ImportError(options).what()).find("type 'T?' given for"),
            std::string::npos);
  auto txn = store_->Begin(TxnMode::kReadOnly);
  EXPECT_EQ(txn->NodeCount(), 0u);
  EXPECT_FALSE(txn->FindPropKey("id").has_value());
}

// neo4j-admin refuses such a header too: each row would keep only one of the values.
TEST_F(ImportTest, HeaderWithMoreColumnsThanTheLimitIsRefused) {
  std::string header = "id:ID";
  for (std::size_t i = 0; i < kMaxColumns; ++i) header += ",c" + std::to_string(i);
  ImportOptions options;
  std::string path = File("wide.csv", header + "\n1\n");
  options.nodes.push_back({path, {"N"}});
  std::string message = ImportError(options).what();
  EXPECT_NE(message.find(path + ":1: bad header: the header has " +
                         std::to_string(kMaxColumns + 1) + " columns, more than the " +
                         std::to_string(kMaxColumns)),
            std::string::npos)
      << message;
  EXPECT_EQ(store_->Begin(TxnMode::kReadOnly)->NodeCount(), 0u);
}

TEST_F(ImportTest, HeaderThatNamesAColumnTwiceIsRefused) {
  auto header_error = [&](const std::string& header, bool relationships) {
    ImportOptions options;
    std::string path = File("f.csv", header + "\n");
    if (relationships) {
      options.relationships.push_back({path, "T"});
    } else {
      options.nodes.push_back({path, {}});
    }
    std::string message = ImportError(options).what();
    return message.starts_with(path + ":1: bad header: ") ? message.substr(path.size() + 16)
                                                          : message;
  };
  EXPECT_EQ(header_error("id:ID,name,name", false),
            "column 'name' is named twice (columns 2 and 3)");
  EXPECT_EQ(header_error("name:INT,x,name:STRING[]", false),
            "column 'name' is named twice (columns 1 and 3)");
  EXPECT_EQ(header_error("name:ID,name", false), "column 'name' is named twice (columns 1 and 2)");
  EXPECT_EQ(header_error(":START_ID,:END_ID,w,w:FLOAT", true),
            "column 'w' is named twice (columns 3 and 4)");
  EXPECT_EQ(header_error(":START_ID,:TYPE,:END_ID,:TYPE", true),
            "a relationship file can have only one :TYPE column (columns 2 and 4)");
  EXPECT_EQ(store_->Begin(TxnMode::kReadOnly)->NodeCount(), 0u);
}

TEST_F(ImportTest, DelimiterThatIsNotAsciiIsRefused) {
  ImportOptions options;
  options.delimiter = '\xc3';  // would split "\xc3\xa9" (é) apart
  options.nodes.push_back({File("n.csv", "id:ID\xc3name\n1\xc3\xc3\xa9\n"), {}});
  EXPECT_NE(std::string(ImportError(options).what()).find("the delimiter must be one ASCII"),
            std::string::npos);
  EXPECT_EQ(store_->Begin(TxnMode::kReadOnly)->NodeCount(), 0u);
}

TEST_F(ImportTest, RepeatedLabelAndIgnoredColumnsAreAllowed) {
  ImportOptions options;
  options.nodes.push_back(
      {File("n.csv", ":ID,:LABEL,x:IGNORE,:LABEL,x:IGNORE,name\nk,A,1,B,2,n\n"), {}});
  ImportCsv(*store_, options);
  auto txn = store_->Begin(TxnMode::kReadOnly);
  NodeId node;
  ASSERT_TRUE(txn->ScanNodes()->Next(&node));
  EXPECT_EQ(txn->NodeLabels(node).size(), 2u);
  EXPECT_EQ(txn->NodeProperties(node).size(), 1u);
}

}  // namespace
}  // namespace parley::import

namespace parley::import {
namespace {

// The constraints of the store, as "Label(key) name" lines.
std::vector<std::string> Constraints(storage::GraphStore& store) {
  auto txn = store.Begin(TxnMode::kReadOnly);
  std::vector<std::string> out;
  for (const storage::ConstraintInfo& c : txn->Constraints()) {
    out.push_back(txn->LabelName(c.label) + "(" + txn->PropKeyName(c.key) + ") " + c.name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST_F(ImportTest, TheIdOfEveryLabelGetsAUniqueConstraintAndAnIndex) {
  ImportOptions options;
  options.nodes.push_back({File("p.csv", "pid:ID(Person),name,:LABEL\np1,Ann,Leader\np2,Bob,\n"),
                           {"Person"}});
  options.nodes.push_back({File("c.csv", "cid:ID(City),:LABEL,:LABEL\nc1,City,Place\n"), {}});
  options.nodes.push_back({File("t.csv", ":ID,name\nt1,unnamed id\n"), {"Thing"}});
  ImportCsv(*store_, options);
  EXPECT_EQ(Constraints(*store_),
            (std::vector<std::string>{"City(cid) constraint_City_cid",
                                      "Leader(pid) constraint_Leader_pid",
                                      "Person(pid) constraint_Person_pid",
                                      "Place(cid) constraint_Place_cid"}));
  auto txn = store_->Begin(TxnMode::kReadOnly);
  LabelId person = *txn->FindLabel("Person");
  PropKeyId pid = *txn->FindPropKey("pid");
  ASSERT_TRUE(txn->HasIndex(person, pid));
  auto seek = txn->IndexSeek(person, pid, Value("p2"));
  NodeId bob;
  ASSERT_TRUE(seek->Next(&bob));
  EXPECT_EQ(txn->NodeProperty(bob, *txn->FindPropKey("name")), Value("Bob"));
  EXPECT_FALSE(seek->Next(&bob));
  for (const storage::IndexInfo& index : txn->Indexes()) EXPECT_TRUE(index.unique);
  txn.reset();
  // The constraints hold for later writes.
  auto writer = store_->Begin(TxnMode::kReadWrite);
  try {
    writer->CreateNode(std::vector<LabelId>{person}, {{pid, Value("p1")}});
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.detail(), "ConstraintValidationFailed");
  }
}

TEST_F(ImportTest, ALabelFedByTwoIdSpacesMustNotRepeatAnId) {
  ImportOptions options;
  options.id_type = IdType::kInteger;
  options.nodes.push_back({File("comment.csv", "id:ID(Comment)\n1\n2\n"), {"Comment", "Message"}});
  options.nodes.push_back({File("post.csv", "id:ID(Post)\n3\n2\n4\n"), {"Post", "Message"}});
  EXPECT_EQ(std::string(ImportError(options).what()),
            dir_ + "/post.csv:3: duplicate value for the uniqueness constraint on :Message(id): "
                   "an earlier row already has id = 2");
  {
    auto txn = store_->Begin(TxnMode::kReadOnly);
    EXPECT_EQ(txn->NodeCount(), 0u);
    EXPECT_TRUE(txn->Constraints().empty());
  }
  options.skip_bad_rows = true;
  ImportReport report = ImportCsv(*store_, options);
  EXPECT_EQ(report.nodes_imported, 4u);
  ASSERT_EQ(report.skipped.size(), 1u);
  EXPECT_EQ(report.skipped[0].file, dir_ + "/post.csv");
  EXPECT_EQ(report.skipped[0].line, 3u);
  // Within one id space the existing rule reports it first.
  options.skip_bad_rows = false;
  options.nodes = {{File("dup.csv", "id:ID(X)\n7\n7\n"), {"X"}}};
  EXPECT_EQ(std::string(ImportError(options).what()),
            dir_ + "/dup.csv:3: duplicate node id '7'");
}

TEST_F(ImportTest, APlainColumnNamedLikeTheIdIsCheckedToo) {
  ImportOptions options;
  options.nodes.push_back({File("a.csv", "id:ID(A)\nx\ny\n"), {"Person"}});
  options.nodes.push_back({File("b.csv", "id:ID(A)\nz\n"), {"Person"}});
  options.nodes.push_back({File("c.csv", ":ID,id,:LABEL\n1,w,Person\n2,y,Person\n"), {}});
  EXPECT_EQ(std::string(ImportError(options).what()),
            dir_ + "/c.csv:3: duplicate value for the uniqueness constraint on :Person(id): "
                   "an earlier row already has id = 'y'");
  // One id space over several files: its own check finds the repeat.
  options.nodes = {{File("a.csv", "id:ID(A)\nx\ny\n"), {"Person"}},
                   {File("b.csv", "id:ID(A)\ny\n"), {"Person"}}};
  EXPECT_EQ(std::string(ImportError(options).what()), dir_ + "/b.csv:2: duplicate node id 'y'");
}

TEST_F(ImportTest, AnIdThatAnExistingNodeHoldsIsABadRow) {
  ImportOptions options;
  options.nodes.push_back({File("a.csv", "id:ID\np1\np2\n"), {"Person"}});
  ImportCsv(*store_, options);
  options.nodes = {{File("b.csv", "id:ID,name\np3,Cid\np1,Again\n"), {"Person"}}};
  EXPECT_EQ(std::string(ImportError(options).what()),
            dir_ + "/b.csv:3: duplicate value for the uniqueness constraint on :Person(id): the "
                   "existing node 0 already has id = 'p1'");
  options.skip_bad_rows = true;
  ImportReport report = ImportCsv(*store_, options);
  EXPECT_EQ(report.nodes_imported, 1u);
  ASSERT_EQ(report.skipped.size(), 1u);
  EXPECT_EQ(report.skipped[0].line, 3u);
  EXPECT_EQ(Constraints(*store_),
            (std::vector<std::string>{"Person(id) constraint_Person_id"}));
}

TEST_F(ImportTest, ConstraintsOfTheStoreHoldForImportedPropertiesToo) {
  {
    auto txn = store_->Begin(TxnMode::kReadWrite);
    LabelId person = txn->GetOrCreateLabel("Person");
    PropKeyId email = txn->GetOrCreatePropKey("email");
    txn->CreateNode(std::vector<LabelId>{person}, {{email, Value("a@x")}});
    txn->CreateUniqueConstraint(person, email, "person_email");
    txn->Commit();
  }
  ImportOptions options;
  options.nodes.push_back(
      {File("p.csv", ":ID,email\n1,b@x\n2,\n3,\n4,a@x\n5,b@x\n"), {"Person"}});
  options.skip_bad_rows = true;
  ImportReport report = ImportCsv(*store_, options);
  EXPECT_EQ(report.nodes_imported, 3u);  // empty values are not constrained
  ASSERT_EQ(report.skipped.size(), 2u);
  EXPECT_NE(report.skipped[0].reason.find("the existing node 0 already has email = 'a@x'"),
            std::string::npos)
      << report.skipped[0].reason;
  EXPECT_NE(report.skipped[1].reason.find("an earlier row already has email = 'b@x'"),
            std::string::npos)
      << report.skipped[1].reason;
}

TEST_F(ImportTest, ExistingNodesJoinTheNewConstraintOrStopTheImport) {
  {
    auto txn = store_->Begin(TxnMode::kReadWrite);
    LabelId person = txn->GetOrCreateLabel("Person");
    PropKeyId id = txn->GetOrCreatePropKey("id");
    txn->CreateNode(std::vector<LabelId>{person}, {{id, Value("p9")}});
    txn->Commit();
  }
  ImportOptions options;
  options.nodes.push_back({File("p.csv", "id:ID\np1\n"), {"Person"}});
  ImportCsv(*store_, options);
  {
    auto txn = store_->Begin(TxnMode::kReadOnly);
    LabelId person = *txn->FindLabel("Person");
    PropKeyId id = *txn->FindPropKey("id");
    EXPECT_TRUE(txn->HasUniqueConstraint(person, id));
    auto seek = txn->IndexSeek(person, id, Value("p9"));  // the committed node is indexed
    NodeId node;
    ASSERT_TRUE(seek->Next(&node));
    EXPECT_EQ(node, NodeId(0));
  }
  // Existing City nodes that repeat an id: the constraint cannot be made.
  {
    auto txn = store_->Begin(TxnMode::kReadWrite);
    LabelId city = txn->GetOrCreateLabel("City");
    PropKeyId id = txn->GetOrCreatePropKey("id");
    txn->CreateNode(std::vector<LabelId>{city}, {{id, Value("c1")}});
    txn->CreateNode(std::vector<LabelId>{city}, {{id, Value("c1")}});
    txn->Commit();
  }
  options.nodes = {{File("c.csv", "id:ID\nc2\n"), {"City"}}};
  EXPECT_EQ(std::string(ImportError(options).what()),
            "cannot make the uniqueness constraint on :City(id) for the :ID column: the "
            "existing nodes 2 and 3 both have id = 'c1'");
  auto txn = store_->Begin(TxnMode::kReadOnly);
  EXPECT_EQ(txn->NodeCount(), 4u);
  EXPECT_EQ(txn->Constraints().size(), 1u);
}

}  // namespace
}  // namespace parley::import
