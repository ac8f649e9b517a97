#include "engine/import/importer.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <set>
#include <unordered_map>

#include "engine/common/utf8.h"
#include "engine/import/csv_reader.h"
#include "engine/import/header.h"
#include "engine/import/id_space.h"
#include "engine/import/unique_values.h"
#include "engine/storage/bulk_writer.h"
#include "engine/storage/schema.h"
#include "parley/error.h"

namespace parley::import {
namespace {

constexpr std::uint64_t kProgressEvery = 50000;  // rows between progress reports

[[noreturn]] void ThrowImportError(std::string message) {
  throw Error(ErrorKind::kRuntimeError, "ImportError", std::move(message));
}

// A whole file's bytes: mapped when it is a regular file (no copy, and reclaimable page
// cache rather than heap holds them; a file truncated while it is imported is not
// supported), read otherwise (pipes, and files such as /proc ones that report no size).
class FileContents {
 public:
  explicit FileContents(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) Fail(path);
    struct stat st;
    if (::fstat(fd, &st) != 0) Fail(path, fd);
    if (S_ISDIR(st.st_mode)) {  // open() succeeds on a directory, read() would fail
      errno = EISDIR;
      Fail(path, fd);
    }
    if (S_ISREG(st.st_mode) && st.st_size > 0) {
      size_ = static_cast<std::size_t>(st.st_size);
      void* map = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      if (map != MAP_FAILED) {
        map_ = map;
        ::madvise(map_, size_, MADV_SEQUENTIAL);
        ::close(fd);
        return;
      }
    }
    ReadAll(path, fd);
    ::close(fd);
  }
  ~FileContents() {
    if (map_ != nullptr) ::munmap(map_, size_);
  }
  FileContents(const FileContents&) = delete;
  FileContents& operator=(const FileContents&) = delete;

  std::string_view data() const {
    return map_ != nullptr ? std::string_view(static_cast<const char*>(map_), size_) : copy_;
  }

 private:
  [[noreturn]] static void Fail(const std::string& path, int fd = -1) {
    int error = errno;
    if (fd >= 0) ::close(fd);
    ThrowImportError(fmt::format("cannot read {}: {}", path, std::strerror(error)));
  }

  void ReadAll(const std::string& path, int fd) {
    std::size_t done = 0;
    copy_.resize(std::max<std::size_t>(size_, 1 << 16));
    while (true) {
      if (done == copy_.size()) copy_.resize(2 * done);
      ssize_t n = ::read(fd, copy_.data() + done, copy_.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) Fail(path, fd);
      if (n == 0) break;
      done += static_cast<std::size_t>(n);
    }
    copy_.resize(done);
  }

  void* map_ = nullptr;
  std::size_t size_ = 0;
  std::string copy_;
};

class Importer {
 public:
  Importer(storage::GraphStore& store, const ImportOptions& options)
      : options_(options), store_(store), bulk_(store.BeginBulk()) {
    std::error_code ec;
    for (const auto& f : options_.nodes)
      progress_.bytes_total += std::filesystem::file_size(f.path, ec);
    for (const auto& f : options_.relationships) {
      progress_.bytes_total += std::filesystem::file_size(f.path, ec);
    }
  }

  ImportReport Run() {
    CheckOptions();
    // The node files are read twice: first for the constraints the load makes (their
    // headers, and the :LABEL column of a file with a named :ID column), then row by row.
    std::vector<std::unique_ptr<FileContents>> node_files;
    for (const NodeFile& file : options_.nodes) {
      node_files.push_back(std::make_unique<FileContents>(file.path));
    }
    PlanConstraints(node_files);
    for (std::size_t i = 0; i < options_.nodes.size(); ++i) {
      const NodeFile& file = options_.nodes[i];
      ImportFile(file.path, node_files[i]->data(), false, file.labels, "");
      node_files[i].reset();
    }
    committed_.reset();  // no snapshot held while the load is ingested
    for (const RelFile& file : options_.relationships) {
      FileContents contents(file.path);
      ImportFile(file.path, contents.data(), true, {}, file.type);
    }
    bulk_->Finish();
    report_.nodes_imported = bulk_->nodes_created();
    report_.relationships_imported = bulk_->rels_created();
    if (options_.progress) options_.progress(progress_);
    return std::move(report_);
  }

 private:
  // The per-file context of the row functions.
  struct FileState {
    const std::string* path;
    std::vector<Column> columns;
    std::vector<PropKeyId> keys;   // per column; valid for property and named id columns
    std::vector<IdSpace*> spaces;  // per column; the id space of id, start and end columns
    std::vector<LabelId> file_labels;
    std::string file_type;
  };

  // A uniqueness constraint the load keeps: its key and the values its label's nodes hold
  // (read from the committed nodes when a row first needs them). When the label has no
  // committed nodes and only the ID column of one id space gives the key to its rows, that
  // id space's own duplicate check keeps the values unique: no values are kept then.
  struct UniqueKey {
    PropKeyId key;
    std::unique_ptr<UniqueValues> values;
    bool by_id_space = false;
  };

  // What a node file may give its nodes, from its header and :LABEL columns.
  struct NodeFileKeys {
    std::string id_name;   // the named ID column's property; empty when none
    std::string id_group;  // its id space
    std::set<std::string> labels;
    std::set<std::string> stored;  // the names of the columns stored as properties
  };

  // Makes a uniqueness constraint on the :ID property of every label that a node file with
  // a named :ID column gives its nodes (as a primary key), and lists every constraint of
  // the store, new or not, for the row checks. A new constraint whose label's committed
  // nodes already repeat a value cannot be made: the import fails, naming them. Files whose
  // header is unusable are left to ImportFile to report.
  void PlanConstraints(const std::vector<std::unique_ptr<FileContents>>& files) {
    std::vector<NodeFileKeys> keys;
    for (std::size_t i = 0; i < files.size(); ++i) {
      if (auto file = ReadNodeFileKeys(files[i]->data(), options_.nodes[i].labels)) {
        keys.push_back(std::move(*file));
      }
    }
    std::set<std::pair<LabelId, PropKeyId>> wanted;
    for (const NodeFileKeys& file : keys) {
      if (file.id_name.empty()) continue;
      PropKeyId key = bulk_->GetOrCreatePropKey(file.id_name);
      for (const std::string& label : file.labels) {
        wanted.emplace(bulk_->GetOrCreateLabel(label), key);
      }
    }
    std::set<std::pair<LabelId, PropKeyId>> new_indexes;
    for (const auto& [label, key] : wanted) {
      if (bulk_->HasUniqueConstraint(label, key)) continue;
      std::string name = storage::DefaultConstraintName(LabelName(label), KeyName(key));
      for (int n = 2; bulk_->SchemaNameTaken(name); ++n) {
        name = storage::DefaultConstraintName(LabelName(label), KeyName(key)) + "_" +
               std::to_string(n);
      }
      if (bulk_->CreateUniqueConstraint(label, key, name)) new_indexes.emplace(label, key);
    }
    for (const auto& [label, key] : bulk_->UniqueConstraints()) {
      UniqueKey unique{key, nullptr, false};
      if (!HasCommittedNodes(label)) {
        unique.by_id_space = OnlyOneIdSpaceGives(keys, LabelName(label), KeyName(key));
      } else if (wanted.count({label, key}) != 0) {
        // A new constraint's committed nodes are checked (and indexed) now, before any row.
        unique.values = CommittedValues(label, key, new_indexes.count({label, key}) != 0);
      }
      unique_[label].push_back(std::move(unique));
    }
  }

  // The ID column, labels and stored columns of a node file; nullopt when its header is
  // missing or unusable.
  std::optional<NodeFileKeys> ReadNodeFileKeys(std::string_view data,
                                               const std::vector<std::string>& file_labels) {
    CsvReader reader(data, options_.delimiter);
    CsvRecord record;
    std::string error;
    if (!reader.Next(&record)) return std::nullopt;
    auto columns = ParseHeader(record, false, &error);
    if (!columns) return std::nullopt;
    NodeFileKeys file;
    file.labels.insert(file_labels.begin(), file_labels.end());
    std::vector<std::size_t> label_columns;
    for (std::size_t c = 0; c < columns->size(); ++c) {
      const Column& column = (*columns)[c];
      if (column.role == ColumnRole::kId && !column.name.empty()) {
        file.id_name = column.name;
        file.id_group = column.group;
      }
      if (column.role == ColumnRole::kLabel) label_columns.push_back(c);
      if ((column.role == ColumnRole::kId || column.role == ColumnRole::kProperty) &&
          !column.name.empty()) {
        file.stored.insert(column.name);
      }
    }
    while (!label_columns.empty() && reader.Next(&record)) {
      if (!record.error.empty() || record.fields.size() != columns->size()) continue;
      for (std::size_t c : label_columns) {
        std::string_view text = record.fields[c].text;
        if (FindInvalidUtf8(text)) continue;
        for (const std::string& label : SplitList(text)) file.labels.insert(label);
      }
    }
    return file;
  }

  // True when every file that may give `label` to a node either gives `key` from its ID
  // column, all of them in one id space, or stores no `key` at all.
  static bool OnlyOneIdSpaceGives(const std::vector<NodeFileKeys>& files,
                                  const std::string& label, const std::string& key) {
    const std::string* group = nullptr;
    for (const NodeFileKeys& file : files) {
      if (file.labels.count(label) == 0) continue;
      if (file.id_name == key) {
        if (group != nullptr && *group != file.id_group) return false;
        group = &file.id_group;
      } else if (file.stored.count(key) != 0) {
        return false;
      }
    }
    return true;
  }

  bool HasCommittedNodes(LabelId label) {
    if (!committed_) committed_ = store_.Begin(storage::TxnMode::kReadOnly);
    return label.value < committed_->AllLabels().size() && committed_->LabelCount(label) > 0;
  }

  // The values that the committed nodes with `label` hold for `key`, adding their index
  // entries when `new_index`. Throws when two nodes hold one value, which only a
  // constraint this load makes can meet.
  std::unique_ptr<UniqueValues> CommittedValues(LabelId label, PropKeyId key, bool new_index) {
    auto values = std::make_unique<UniqueValues>();
    if (!committed_) committed_ = store_.Begin(storage::TxnMode::kReadOnly);
    // Names this load made are unknown to the committed store: no node has them.
    if (label.value >= committed_->AllLabels().size() ||
        key.value >= committed_->AllPropKeys().size() || committed_->LabelCount(label) == 0) {
      return values;
    }
    std::vector<NodeId> nodes;
    auto cursor = committed_->ScanLabel(label);
    for (NodeId id; cursor->Next(&id);) nodes.push_back(id);
    for (NodeId id : nodes) {
      Value value = committed_->NodeProperty(id, key);
      if (!UniqueValues::Constrained(value)) continue;
      if (std::optional<NodeId> other = values->Find(value)) {
        ThrowImportError(fmt::format(
            "cannot make the uniqueness constraint on :{}({}) for the :ID column: the "
            "existing nodes {} and {} both have {} = {}",
            LabelName(label), KeyName(key), other->value, id.value, KeyName(key),
            value.ToString()));
      }
      values->Insert(value, id);
      if (new_index) bulk_->AddIndexEntry(label, key, value, id);
    }
    return values;
  }

  const std::string& LabelName(LabelId label) const { return bulk_->LabelName(label); }
  const std::string& KeyName(PropKeyId key) const { return bulk_->PropKeyName(key); }

  // False, with the reason, when the node would repeat a value of a uniqueness constraint
  // of one of its labels (already held by a committed node or an earlier row); else
  // records its values for the rows to come. REQUIRES: `labels` sorted without repeats.
  bool CheckUnique(const std::vector<LabelId>& labels, const storage::PropertyMap& properties,
                   std::string* reason) {
    if (unique_.empty()) return true;
    std::vector<std::pair<UniqueValues*, const Value*>> taken;
    for (LabelId label : labels) {
      auto found = unique_.find(label);
      if (found == unique_.end()) continue;
      for (UniqueKey& unique : found->second) {
        if (unique.by_id_space) continue;
        if (!unique.values) unique.values = CommittedValues(label, unique.key, false);
        auto property = std::find_if(properties.begin(), properties.end(),
                                     [&](const auto& p) { return p.first == unique.key; });
        if (property == properties.end() || !UniqueValues::Constrained(property->second)) {
          continue;
        }
        if (std::optional<NodeId> holder = unique.values->Find(property->second)) {
          *reason = fmt::format(
              "duplicate value for the uniqueness constraint on :{}({}): {} already has {} = {}",
              LabelName(label), KeyName(unique.key),
              *holder < bulk_->first_node() ? fmt::format("the existing node {}", holder->value)
                                            : std::string("an earlier row"),
              KeyName(unique.key), property->second.ToString());
          return false;
        }
        taken.emplace_back(unique.values.get(), &property->second);
      }
    }
    for (auto [values, value] : taken) values->Insert(*value, bulk_->next_node());
    return true;
  }

  void ImportFile(const std::string& path, std::string_view data, bool relationships,
                  const std::vector<std::string>& labels, const std::string& type) {
    CsvReader reader(data, options_.delimiter);
    CsvRecord record;
    if (!reader.Next(&record))
      ThrowImportError(fmt::format("{}: the file has no header row", path));
    FileState file = Prepare(path, record, relationships, labels, type);
    std::uint64_t done_before = progress_.bytes_done;
    while (reader.Next(&record)) {
      std::string reason;
      bool ok = record.error.empty() ? Row(file, record, relationships, &reason)
                                     : (reason = record.error, false);
      if (!ok) BadRow(path, record.line, std::move(reason));
      if (++progress_.rows_done % kProgressEvery == 0 && options_.progress) {
        progress_.bytes_done = done_before + reader.offset();
        options_.progress(progress_);
      }
    }
    progress_.bytes_done = done_before + data.size();
  }

  FileState Prepare(const std::string& path, const CsvRecord& header, bool relationships,
                    const std::vector<std::string>& labels, const std::string& type) {
    std::string error;
    auto columns = ParseHeader(header, relationships, &error);
    if (!columns) ThrowImportError(fmt::format("{}:{}: bad header: {}", path, header.line, error));
    FileState file{&path, std::move(*columns), {}, {}, {}, type};
    for (const Column& column : file.columns) {
      bool stored = column.role == ColumnRole::kProperty ||
                    (column.role == ColumnRole::kId && !column.name.empty());
      file.keys.push_back(stored ? bulk_->GetOrCreatePropKey(column.name) : PropKeyId());
      IdSpace* space = nullptr;
      if (column.role == ColumnRole::kId) {
        space = &ids_[column.group];  // element addresses stay valid as the map grows
      } else if (column.role == ColumnRole::kStartId || column.role == ColumnRole::kEndId) {
        auto found = ids_.find(column.group);  // relationship files come after node files
        if (found != ids_.end()) space = &found->second;
      }
      file.spaces.push_back(space);
    }
    for (const std::string& label : labels)
      file.file_labels.push_back(bulk_->GetOrCreateLabel(label));
    return file;
  }

  void BadRow(const std::string& path, std::uint64_t line, std::string reason) {
    if (!options_.skip_bad_rows) ThrowImportError(fmt::format("{}:{}: {}", path, line, reason));
    report_.skipped.push_back({path, line, std::move(reason)});
  }

  // The id as the id space keys it and the property stores it: a string, or an integer.
  bool ReadId(const CsvField& field, Value* value, std::string* reason) {
    if (field.text.empty()) {
      *reason = "the id is empty";
      return false;
    }
    if (options_.id_type == IdType::kString) {
      *value = Value(std::string(field.text));
      return true;
    }
    auto id = ParseInteger(field.text);
    if (!id) {
      *reason = fmt::format("id '{}' is not an integer", field.text);
      return false;
    }
    *value = Value(*id);
    return true;
  }

  // Names given with the files become labels and types, so they must be UTF-8 as stored
  // text must; a delimiter that is not ASCII would cut multi-byte characters apart.
  void CheckOptions() {
    auto check = [](std::string_view what, const std::string& name, const std::string& path) {
      if (std::optional<std::size_t> bad = FindInvalidUtf8(name)) {
        ThrowImportError(fmt::format("{} '{}' given for {} is not valid UTF-8 (byte {})", what,
                                     ReplaceInvalidUtf8(name, "?"), path, *bad + 1));
      }
    };
    for (const NodeFile& file : options_.nodes) {
      for (const std::string& label : file.labels) check("label", label, file.path);
    }
    for (const RelFile& file : options_.relationships) check("type", file.type, file.path);
    const char d = options_.delimiter;
    if (static_cast<unsigned char>(d) >= 0x80 || d == '"' || d == '\n' || d == '\r') {
      ThrowImportError("the delimiter must be one ASCII character, not a quote or a line break");
    }
  }

  bool Row(const FileState& file, const CsvRecord& record, bool relationships,
           std::string* reason) {
    return CheckWidth(file, record, reason) && CheckText(file, record, reason) &&
           (relationships ? RelRow(file, record, reason) : NodeRow(file, record, reason));
  }

  bool CheckWidth(const FileState& file, const CsvRecord& record, std::string* reason) {
    if (record.fields.size() == file.columns.size()) return true;
    *reason =
        fmt::format("expected {} fields, found {}", file.columns.size(), record.fields.size());
    return false;
  }

  // Every field whose text is stored (as a value, id, label or type) or parsed must be
  // UTF-8: stored text is printed as JSON and handled by code point. Checked before
  // anything of the row is converted, so a message never echoes the bytes; it names the
  // first bad byte, counting the field's first as 1. REQUIRES: CheckWidth(file, record).
  bool CheckText(const FileState& file, const CsvRecord& record, std::string* reason) {
    for (std::size_t i = 0; i < file.columns.size(); ++i) {
      if (file.columns[i].role == ColumnRole::kIgnore) continue;
      if (std::optional<std::size_t> bad = FindInvalidUtf8(record.fields[i].text)) {
        *reason = fmt::format("{}: the text is not valid UTF-8 (byte {})",
                              DescribeColumn(file.columns[i]), *bad + 1);
        return false;
      }
    }
    return true;
  }

  bool Property(const FileState& file, std::size_t i, const CsvField& field,
                storage::PropertyMap* properties, std::string* reason) {
    Value value;
    if (!ConvertField(field, file.columns[i], &value, reason)) return false;
    if (!value.is_null()) properties->emplace_back(file.keys[i], std::move(value));
    return true;
  }

  // REQUIRES (here and in RelRow): CheckWidth and CheckText passed.
  bool NodeRow(const FileState& file, const CsvRecord& record, std::string* reason) {
    std::vector<LabelId> labels = file.file_labels;
    storage::PropertyMap properties;
    std::size_t id_column = file.columns.size();
    Value id;
    for (std::size_t i = 0; i < file.columns.size(); ++i) {
      const Column& column = file.columns[i];
      const CsvField& field = record.fields[i];
      if (column.role == ColumnRole::kLabel) {
        for (const std::string& label : SplitList(field.text)) {
          labels.push_back(bulk_->GetOrCreateLabel(label));
        }
      } else if (column.role == ColumnRole::kId) {
        if (!ReadId(field, &id, reason)) return false;
        id_column = i;
        if (!column.name.empty()) properties.emplace_back(file.keys[i], id);
      } else if (column.role == ColumnRole::kProperty) {
        if (!Property(file, i, field, &properties, reason)) return false;
      }
    }
    IdSpace* space = id_column < file.columns.size() ? file.spaces[id_column] : nullptr;
    if (space != nullptr && space->Find(id)) {
      *reason = fmt::format("duplicate node id '{}'", record.fields[id_column].text);
      return false;
    }
    std::sort(labels.begin(), labels.end());
    labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
    if (!CheckUnique(labels, properties, reason)) return false;
    NodeId node = bulk_->CreateNode(labels, std::move(properties));
    if (space != nullptr) space->Insert(id, node);
    return true;
  }

  // The node of a start or end id; parses the id without making a Value of it.
  bool Lookup(const Column& column, const IdSpace* space, const CsvField& field, NodeId* node,
              std::string* reason) {
    if (field.text.empty()) {
      *reason = "the id is empty";
      return false;
    }
    std::optional<NodeId> found;
    if (options_.id_type == IdType::kString) {
      if (space != nullptr) found = space->Find(std::string_view(field.text));
    } else {
      auto id = ParseInteger(field.text);
      if (!id) {
        *reason = fmt::format("id '{}' is not an integer", field.text);
        return false;
      }
      if (space != nullptr) found = space->Find(*id);
    }
    if (found) {
      *node = *found;
      return true;
    }
    *reason = fmt::format("{} '{}' is not the id of an imported node",
                          column.role == ColumnRole::kStartId ? "start" : "end", field.text);
    return false;
  }

  bool RelRow(const FileState& file, const CsvRecord& record, std::string* reason) {
    NodeId start, end;
    std::string type = file.file_type;
    storage::PropertyMap properties;
    for (std::size_t i = 0; i < file.columns.size(); ++i) {
      const Column& column = file.columns[i];
      const CsvField& field = record.fields[i];
      switch (column.role) {
        case ColumnRole::kStartId:
          if (!Lookup(column, file.spaces[i], field, &start, reason)) return false;
          break;
        case ColumnRole::kEndId:
          if (!Lookup(column, file.spaces[i], field, &end, reason)) return false;
          break;
        case ColumnRole::kType:
          if (!field.text.empty()) type = field.text;
          break;
        case ColumnRole::kProperty:
          if (!Property(file, i, field, &properties, reason)) return false;
          break;
        default:
          break;
      }
    }
    if (type.empty()) {
      *reason =
          "the relationship has no type (no :TYPE value and none given "
          "for the file)";
      return false;
    }
    bulk_->CreateRel(start, bulk_->GetOrCreateRelType(type), end, std::move(properties));
    return true;
  }

  const ImportOptions& options_;
  storage::GraphStore& store_;
  std::unique_ptr<storage::BulkWriter> bulk_;
  // The uniqueness constraints of the store after the load, by label.
  std::unordered_map<LabelId, std::vector<UniqueKey>> unique_;
  std::unique_ptr<storage::Txn> committed_;  // reads the committed nodes, once needed
  std::unordered_map<std::string, IdSpace> ids_;  // by id-space name
  ImportProgress progress_;
  ImportReport report_;
};

}  // namespace

ImportReport ImportCsv(storage::GraphStore& store, const ImportOptions& options) {
  return Importer(store, options).Run();
}

}  // namespace parley::import
