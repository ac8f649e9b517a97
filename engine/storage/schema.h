// The store's schema: label, relationship-type and property-key names <-> small ids, and
// the index definitions. Persisted as `meta` entries; held in memory as immutable
// snapshots that Txns share (a write Txn copies before changing one).
#ifndef PARLEY_ENGINE_STORAGE_SCHEMA_H_
#define PARLEY_ENGINE_STORAGE_SCHEMA_H_

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/common/ids.h"
#include "parley/error.h"

namespace parley::storage {

// Names with dense ids 0, 1, 2, ... in creation order. References returned by Name()
// stay valid while the table lives.
//
// A copy shares the names until one of the two adds to them: every write transaction and
// bulk load starts from a copy of the schema, and a store that has gathered tens of
// thousands of names (a property key per column of every file imported, say) made each of
// them copy all the names first. Not thread-safe to mutate; shared names are immutable.
class NameTable {
 public:
  NameTable() : names_(std::make_shared<Names>()) {}
  NameTable(const NameTable& other) : names_(other.names_) {}
  NameTable& operator=(const NameTable&) = delete;

  std::optional<std::uint32_t> Find(std::string_view name) const {
    auto it = names_->ids.find(name);
    if (it == names_->ids.end()) return std::nullopt;
    return it->second;
  }
  // REQUIRES: Find(name) is empty. Returns the new id.
  std::uint32_t Add(std::string name) {
    Names& names = Mutable();
    auto id = static_cast<std::uint32_t>(names.names.size());
    names.names.push_back(name);
    names.ids.emplace(std::move(name), id);
    return id;
  }
  // Sets the name of `id` while loading; ids may arrive in any order.
  void Load(std::uint32_t id, std::string name) {
    Names& names = Mutable();
    if (names.names.size() <= id) names.names.resize(id + 1);
    names.names[id] = name;
    names.ids.emplace(std::move(name), id);
  }
  // Throws Error(kRuntimeError, "UnknownId") for an id this table never gave out.
  const std::string& Name(std::uint32_t id, std::string_view what) const {
    if (id >= names_->names.size()) {
      throw Error(ErrorKind::kRuntimeError, "UnknownId",
                  std::string(what) + " id " + std::to_string(id) + " is not in the catalog");
    }
    return names_->names[id];
  }
  std::uint32_t size() const { return static_cast<std::uint32_t>(names_->names.size()); }
  // Whether the two tables share their names (for tests).
  bool SharesNamesWith(const NameTable& other) const { return names_ == other.names_; }

 private:
  struct Names {
    std::deque<std::string> names;  // a deque never moves its elements
    std::map<std::string, std::uint32_t, std::less<>> ids;
  };
  // The names, made this table's own first if they are shared. The shared ones are kept:
  // references Name() returned into them stay valid while this table lives. (A copy does
  // not keep them; the store copies a table before changing it, so there is one at most.)
  Names& Mutable() {
    if (names_.use_count() > 1) {
      retired_.push_back(names_);
      names_ = std::make_shared<Names>(*names_);
    }
    return const_cast<Names&>(*names_);
  }

  std::shared_ptr<const Names> names_;
  std::vector<std::shared_ptr<const Names>> retired_;
};

// A uniqueness constraint on (label, key): no two nodes with the label have equal
// non-null values of the key. Always backed by the index on (label, key).
struct UniqueConstraint {
  std::string name;
  bool owns_index = false;  // the index was made for the constraint and is dropped with it
};

// The name of a constraint created without one: constraint_<Label>_<key>, as an unnamed
// index is index_<Label>_<key>.
inline std::string DefaultConstraintName(std::string_view label, std::string_view key) {
  return "constraint_" + std::string(label) + "_" + std::string(key);
}

struct Schema {
  NameTable labels;
  NameTable rel_types;
  NameTable prop_keys;
  // Property indexes by (label, key), with their names (empty: the default name).
  std::map<std::pair<LabelId, PropKeyId>, std::string> indexes;
  // Uniqueness constraints by (label, key); each has an entry in `indexes` too.
  std::map<std::pair<LabelId, PropKeyId>, UniqueConstraint> unique;

  bool IsUnique(LabelId label, PropKeyId key) const { return unique.count({label, key}) != 0; }

  bool HasIndex(LabelId label, PropKeyId key) const { return indexes.count({label, key}) != 0; }
  bool LabelHasIndexes(LabelId label) const {
    auto it = indexes.lower_bound({label, PropKeyId(0)});
    return it != indexes.end() && it->first.first == label;
  }
};

}  // namespace parley::storage

#endif  // PARLEY_ENGINE_STORAGE_SCHEMA_H_
