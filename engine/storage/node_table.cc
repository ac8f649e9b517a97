#include "engine/storage/node_table.h"

#include <algorithm>
#include <limits>
#include <unordered_set>
#include <utility>

namespace parley::storage {
namespace {

constexpr std::uint32_t kLowLabels = 64;

std::uint64_t PageOf(NodeId id) { return id.value >> NodeTable::kPageBits; }
std::uint32_t SlotOf(NodeId id) { return NodeTable::SlotOf(id); }

}  // namespace

// --- NodeTablePage.

bool NodeTablePage::MayHold(LabelId label) const {
  if (label.value < kLowLabels) return (low_summary >> label.value) & 1;
  return std::binary_search(high_summary.begin(), high_summary.end(), label);
}

bool NodeTablePage::HasLabel(std::uint32_t slot, LabelId label) const {
  if (label.value < kLowLabels) return (low_labels[slot] >> label.value) & 1;
  auto it = std::lower_bound(high_labels.begin(), high_labels.end(), slot,
                             [](const auto& entry, std::uint32_t s) { return entry.first < s; });
  return it != high_labels.end() && it->first == slot &&
         std::binary_search(it->second.begin(), it->second.end(), label);
}

// Builds a new table from an old one (or from nothing), copying a page, a key's column
// list or a column only when first changed, so the result shares all the rest.
class NodeTableEditor {
 public:
  explicit NodeTableEditor(const NodeTable* base) : table_(new NodeTable()) {
    if (base != nullptr) {
      table_->node_count_ = base->node_count_;
      table_->pages_ = base->pages_;
      table_->columns_ = base->columns_;
    }
    page_owned_.assign(table_->pages_.size(), false);
    key_owned_.assign(table_->columns_.size(), false);
  }

  // Sets node `id` to `record`, or removes it for nullptr.
  void Set(NodeId id, const NodeRecord* record) {
    std::uint64_t p = PageOf(id);
    std::uint32_t slot = SlotOf(id);
    NodeTablePage& page = MutablePage(p);
    if (page.present[slot]) --table_->node_count_;
    SetLabels(page, slot, record);
    SetProperties(p, slot, record);
    page.present[slot] = record != nullptr;
    if (record != nullptr) ++table_->node_count_;
  }

  std::shared_ptr<const NodeTable> Finish(std::uint64_t version) {
    // Columns left with no value are dropped, so deleted nodes give their memory back.
    for (std::uint64_t owned : column_owned_) {
      auto key = static_cast<std::uint32_t>(owned >> 40);
      std::uint64_t p = owned & ((std::uint64_t{1} << 40) - 1);
      auto& columns = const_cast<NodeTable::KeyColumns&>(*table_->columns_[key]);
      if (columns[p] && columns[p]->empty()) columns[p].reset();
    }
    table_->version_ = version;
    return std::move(table_);
  }

 private:
  NodeTablePage& MutablePage(std::uint64_t p) {
    auto& pages = table_->pages_;
    if (pages.size() <= p) {
      pages.resize(p + 1);
      page_owned_.resize(p + 1, false);
    }
    if (!page_owned_[p]) {
      pages[p] = pages[p] ? std::make_shared<NodeTablePage>(*pages[p])
                          : std::make_shared<NodeTablePage>();
      page_owned_[p] = true;
    }
    return const_cast<NodeTablePage&>(*pages[p]);  // private: made here
  }

  const PropertyColumn* ColumnAt(std::uint32_t key, std::uint64_t p) const {
    const auto& columns = table_->columns_;
    if (key >= columns.size() || !columns[key] || p >= columns[key]->size()) return nullptr;
    return (*columns[key])[p].get();
  }

  PropertyColumn& MutableColumn(std::uint32_t key, std::uint64_t p) {
    auto& columns = table_->columns_;
    if (columns.size() <= key) {
      columns.resize(key + 1);
      key_owned_.resize(key + 1, false);
    }
    if (!key_owned_[key]) {
      columns[key] = columns[key] ? std::make_shared<NodeTable::KeyColumns>(*columns[key])
                                  : std::make_shared<NodeTable::KeyColumns>();
      key_owned_[key] = true;
    }
    auto& by_page = const_cast<NodeTable::KeyColumns&>(*columns[key]);  // private: made here
    if (by_page.size() <= p) by_page.resize(p + 1);
    std::uint64_t tag = (std::uint64_t{key} << 40) | p;
    if (tag != last_owned_ && column_owned_.insert(tag).second) {
      by_page[p] = by_page[p] ? std::make_shared<PropertyColumn>(*by_page[p])
                              : std::make_shared<PropertyColumn>(NodeTable::kPageSize);
    }
    last_owned_ = tag;
    return const_cast<PropertyColumn&>(*by_page[p]);
  }

  static void SetLabels(NodeTablePage& page, std::uint32_t slot, const NodeRecord* record) {
    std::uint64_t low = 0;
    std::vector<LabelId> high;
    if (record != nullptr) {
      for (LabelId label : record->labels) {
        if (label.value < kLowLabels) {
          low |= std::uint64_t{1} << label.value;
        } else {
          high.push_back(label);
          auto it = std::lower_bound(page.high_summary.begin(), page.high_summary.end(), label);
          if (it == page.high_summary.end() || *it != label) page.high_summary.insert(it, label);
        }
      }
    }
    page.low_labels[slot] = low;
    page.low_summary |= low;
    auto it = std::lower_bound(page.high_labels.begin(), page.high_labels.end(), slot,
                               [](const auto& entry, std::uint32_t s) { return entry.first < s; });
    bool found = it != page.high_labels.end() && it->first == slot;
    if (high.empty()) {
      if (found) page.high_labels.erase(it);
    } else if (found) {
      it->second = std::move(high);
    } else {
      page.high_labels.insert(it, {slot, std::move(high)});
    }
  }

  // Clears the slot in the columns of keys the new record lacks, then sets its values.
  void SetProperties(std::uint64_t p, std::uint32_t slot, const NodeRecord* record) {
    static const PropertyMap kNone;
    const PropertyMap& properties = record ? record->properties : kNone;
    std::size_t next = 0;
    auto key_count = static_cast<std::uint32_t>(table_->columns_.size());
    for (std::uint32_t key = 0; key < key_count; ++key) {
      while (next < properties.size() && properties[next].first.value < key) ++next;
      bool kept = next < properties.size() && properties[next].first.value == key;
      const PropertyColumn* column = ColumnAt(key, p);
      if (!kept && column != nullptr && column->Has(slot)) MutableColumn(key, p).Set(slot, Value());
    }
    for (const auto& [key, value] : properties) MutableColumn(key.value, p).Set(slot, value);
  }

  std::shared_ptr<NodeTable> table_;
  std::vector<bool> page_owned_;  // by page: already this editor's private copy
  std::vector<bool> key_owned_;   // by key: its column list is a private copy
  std::unordered_set<std::uint64_t> column_owned_;  // key << 40 | page
  std::uint64_t last_owned_ = ~std::uint64_t{0};
};

// --- Builder.

NodeTable::Builder::Builder() : editor_(std::make_unique<NodeTableEditor>(nullptr)) {}
NodeTable::Builder::~Builder() = default;

void NodeTable::Builder::Add(NodeId id, const NodeRecord& record) { editor_->Set(id, &record); }

std::shared_ptr<const NodeTable> NodeTable::Builder::Finish(std::uint64_t version) {
  return editor_->Finish(version);
}

// --- NodeTable.

NodeTable::~NodeTable() = default;

const NodeTablePage* NodeTable::Page(NodeId id) const {
  std::uint64_t page = PageOf(id);
  if (page >= pages_.size()) return nullptr;
  const NodeTablePage* p = pages_[page].get();
  return p != nullptr && p->present[SlotOf(id)] ? p : nullptr;
}

bool NodeTable::Contains(NodeId id) const { return Page(id) != nullptr; }

bool NodeTable::HasLabel(NodeId id, LabelId label) const {
  return Page(id)->HasLabel(SlotOf(id), label);
}

std::optional<Value> NodeTable::FindProperty(NodeId id, PropKeyId key) const {
  const PropertyColumn* column = ColumnFor(id, key);
  if (column == nullptr || !column->Has(SlotOf(id))) return std::nullopt;
  return column->Get(SlotOf(id));
}

NodeRecord NodeTable::Record(NodeId id) const {
  const NodeTablePage* page = Page(id);
  std::uint32_t slot = SlotOf(id);
  NodeRecord record;
  for (std::uint32_t l = 0; l < kLowLabels; ++l) {
    if ((page->low_labels[slot] >> l) & 1) record.labels.emplace_back(l);
  }
  for (const auto& [s, labels] : page->high_labels) {
    if (s == slot) record.labels.insert(record.labels.end(), labels.begin(), labels.end());
  }
  for (std::uint32_t key = 0; key < columns_.size(); ++key) {
    if (auto value = FindProperty(id, PropKeyId(key))) {
      record.properties.emplace_back(PropKeyId(key), std::move(*value));
    }
  }
  return record;
}

void NodeTable::NodesOfPage(std::uint64_t page, std::optional<LabelId> label,
                            std::vector<NodeId>* out) const {
  const NodeTablePage* p = page < pages_.size() ? pages_[page].get() : nullptr;
  if (p == nullptr || (label && !p->MayHold(*label))) return;
  std::uint64_t base = page << kPageBits;
  if (label && label->value < kLowLabels) {
    std::uint64_t bit = std::uint64_t{1} << label->value;
    for (std::uint32_t slot = 0; slot < kPageSize; ++slot) {
      if (p->present[slot] && (p->low_labels[slot] & bit)) out->emplace_back(base | slot);
    }
    return;
  }
  for (std::uint32_t slot = 0; slot < kPageSize; ++slot) {
    if (p->present[slot] && (!label || p->HasLabel(slot, *label))) out->emplace_back(base | slot);
  }
}

void NodeTable::VisitPage(std::uint64_t page, std::optional<LabelId> label,
                          std::span<const PropKeyId> keys,
                          std::vector<const PropertyColumn*>* columns,
                          const std::function<void(const NodeColumnPage&)>& visit) const {
  const NodeTablePage* p = page < pages_.size() ? pages_[page].get() : nullptr;
  if (p == nullptr || (label && !p->MayHold(*label))) return;
  NodeColumnPage view{NodeId(page << kPageBits), {}, *columns};
  if (label) {
    for (std::uint32_t slot = 0; slot < kPageSize; ++slot) {
      if (p->present[slot] && p->HasLabel(slot, *label)) view.rows.set(slot);
    }
  } else {
    for (std::uint32_t slot = 0; slot < kPageSize; ++slot) view.rows[slot] = p->present[slot];
  }
  if (view.rows.none()) return;
  for (std::size_t k = 0; k < keys.size(); ++k) (*columns)[k] = ColumnFor(view.first, keys[k]);
  visit(view);
}

std::shared_ptr<const NodeTable> NodeTable::UpdatedWith(std::uint64_t version,
                                                        std::vector<Change> changes) const {
  std::sort(changes.begin(), changes.end(),
            [](const Change& a, const Change& b) { return a.id < b.id; });
  NodeTableEditor editor(this);
  for (const Change& change : changes) {
    editor.Set(change.id, change.record ? &*change.record : nullptr);
  }
  return editor.Finish(version);
}

std::optional<NumericRange> NodeTable::NumericRangeOf(PropKeyId key) const {
  std::lock_guard lock(ranges_mutex_);
  auto [it, inserted] = ranges_.try_emplace(key.value);
  if (!inserted) return it->second;
  if (key.value >= columns_.size() || !columns_[key.value]) return std::nullopt;
  NumericRange range{std::numeric_limits<double>::infinity(),
                     -std::numeric_limits<double>::infinity(), 0};
  for (const ColumnPtr& column : *columns_[key.value]) {
    if (column) column->AddNumericRange(&range.min, &range.max, &range.count);
  }
  if (range.count > 0) it->second = range;
  return it->second;
}

}  // namespace parley::storage
