#include "engine/storage/node_table.h"

#include <algorithm>
#include <utility>

namespace parley::storage {
namespace {

constexpr std::uint32_t kLowLabels = 64;

std::uint64_t PageOf(NodeId id) { return id.value >> NodeTable::kPageBits; }
std::uint32_t SlotOf(NodeId id) {
  return static_cast<std::uint32_t>(id.value & (NodeTable::kPageSize - 1));
}

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

// Makes a private copy of a page (or a new page) and changes its slots; columns are
// copied only when first changed, so the copy shares every column it leaves alone.
class NodeTablePageEditor {
 public:
  explicit NodeTablePageEditor(const NodeTablePage* base)
      : page_(base ? std::make_shared<NodeTablePage>(*base) : std::make_shared<NodeTablePage>()),
        owned_(page_->columns.size(), false) {}

  // Sets the slot to `record`, or empties it for nullptr. Returns whether a node was
  // there before.
  bool Set(std::uint32_t slot, const NodeRecord* record) {
    bool was_present = page_->present[slot];
    SetLabels(slot, record);
    SetProperties(slot, record);
    page_->present[slot] = record != nullptr;
    return was_present;
  }

  std::shared_ptr<const NodeTablePage> Finish() {
    // Columns left with no value are dropped, so pages of deleted nodes shrink.
    auto& columns = page_->columns;
    columns.erase(std::remove_if(columns.begin(), columns.end(),
                                 [](const auto& c) { return c.second->empty(); }),
                  columns.end());
    return std::move(page_);
  }

 private:
  void SetLabels(std::uint32_t slot, const NodeRecord* record) {
    NodeTablePage& page = *page_;
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

  // Walks the page's columns and the record's properties together, both sorted by key.
  void SetProperties(std::uint32_t slot, const NodeRecord* record) {
    static const PropertyMap kNone;
    const PropertyMap& properties = record ? record->properties : kNone;
    auto& columns = page_->columns;
    std::size_t c = 0;
    for (const auto& [key, value] : properties) {
      for (; c < columns.size() && columns[c].first < key; ++c) {
        if (columns[c].second->Has(slot)) Mutable(c).Set(slot, Value());
      }
      if (c == columns.size() || columns[c].first != key) {
        columns.insert(columns.begin() + static_cast<std::ptrdiff_t>(c),
                       {key, std::make_shared<PropertyColumn>(NodeTable::kPageSize)});
        owned_.insert(owned_.begin() + static_cast<std::ptrdiff_t>(c), true);
      }
      Mutable(c).Set(slot, value);
      ++c;
    }
    for (; c < columns.size(); ++c) {
      if (columns[c].second->Has(slot)) Mutable(c).Set(slot, Value());
    }
  }

  PropertyColumn& Mutable(std::size_t c) {
    auto& column = page_->columns[c].second;
    if (!owned_[c]) {
      column = std::make_shared<PropertyColumn>(*column);
      owned_[c] = true;
    }
    return const_cast<PropertyColumn&>(*column);  // private: made or copied here
  }

  std::shared_ptr<NodeTablePage> page_;
  std::vector<bool> owned_;  // per column: already this editor's private copy
};

// --- Builder.

NodeTable::Builder::Builder() = default;
NodeTable::Builder::~Builder() = default;

void NodeTable::Builder::FlushPage() {
  if (!editor_) return;
  if (pages_.size() <= editor_page_) pages_.resize(editor_page_ + 1);
  pages_[editor_page_] = editor_->Finish();
  editor_.reset();
}

void NodeTable::Builder::Add(NodeId id, const NodeRecord& record) {
  std::uint64_t page = PageOf(id);
  if (editor_ && editor_page_ != page) FlushPage();
  if (!editor_) {
    editor_ = std::make_unique<NodeTablePageEditor>(nullptr);
    editor_page_ = page;
  }
  editor_->Set(SlotOf(id), &record);
  ++node_count_;
}

std::shared_ptr<const NodeTable> NodeTable::Builder::Finish(std::uint64_t version) {
  FlushPage();
  return std::shared_ptr<const NodeTable>(
      new NodeTable(version, std::move(pages_), node_count_));
}

// --- NodeTable.

NodeTable::NodeTable(std::uint64_t version, std::vector<PagePtr> pages, std::uint64_t node_count)
    : version_(version), pages_(std::move(pages)), node_count_(node_count) {}

const NodeTablePage* NodeTable::Page(NodeId id) const {
  std::uint64_t page = PageOf(id);
  if (page >= pages_.size()) return nullptr;
  const NodeTablePage* p = pages_[page].get();
  return p != nullptr && p->present[SlotOf(id)] ? p : nullptr;
}

bool NodeTable::HasLabel(NodeId id, LabelId label) const {
  return Page(id)->HasLabel(SlotOf(id), label);
}

Value NodeTable::Property(NodeId id, PropKeyId key) const {
  const NodeTablePage* page = Page(id);
  for (const auto& [column_key, column] : page->columns) {
    if (column_key == key) return column->Get(SlotOf(id));
    if (key < column_key) break;
  }
  return Value();
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
  for (const auto& [key, column] : page->columns) {
    if (column->Has(slot)) record.properties.emplace_back(key, column->Get(slot));
  }
  return record;
}

std::optional<NodeId> NodeTable::NextNode(std::uint64_t from,
                                          std::optional<LabelId> label) const {
  for (std::uint64_t page = from >> kPageBits; page < pages_.size(); ++page) {
    const NodeTablePage* p = pages_[page].get();
    if (p == nullptr || (label && !p->MayHold(*label))) continue;
    std::uint32_t first = page == (from >> kPageBits) ? SlotOf(NodeId(from)) : 0;
    for (std::uint32_t slot = first; slot < kPageSize; ++slot) {
      if (!p->present[slot] || (label && !p->HasLabel(slot, *label))) continue;
      return NodeId((page << kPageBits) | slot);
    }
  }
  return std::nullopt;
}

std::shared_ptr<const NodeTable> NodeTable::UpdatedWith(std::uint64_t version,
                                                        std::vector<Change> changes) const {
  std::sort(changes.begin(), changes.end(),
            [](const Change& a, const Change& b) { return a.id < b.id; });
  std::vector<PagePtr> pages = pages_;
  std::uint64_t node_count = node_count_;
  std::unique_ptr<NodeTablePageEditor> editor;
  std::uint64_t editor_page = 0;
  auto flush = [&] {
    if (editor) pages[editor_page] = editor->Finish();
    editor.reset();
  };
  for (const Change& change : changes) {
    std::uint64_t page = PageOf(change.id);
    if (!editor || editor_page != page) {
      flush();
      if (pages.size() <= page) pages.resize(page + 1);
      editor = std::make_unique<NodeTablePageEditor>(pages[page].get());
      editor_page = page;
    }
    const NodeRecord* record = change.record ? &*change.record : nullptr;
    if (editor->Set(SlotOf(change.id), record)) --node_count;
    if (record != nullptr) ++node_count;
  }
  flush();
  return std::shared_ptr<const NodeTable>(new NodeTable(version, std::move(pages), node_count));
}

std::uint64_t NodeTable::ApproxBytes() const {
  std::uint64_t bytes = pages_.capacity() * sizeof(PagePtr);
  for (const PagePtr& page : pages_) {
    if (!page) continue;
    bytes += sizeof(NodeTablePage) + page->columns.capacity() * sizeof(page->columns[0]);
    for (const auto& [key, column] : page->columns) bytes += sizeof(PropertyColumn) + column->ApproxBytes();
  }
  return bytes;
}

}  // namespace parley::storage
