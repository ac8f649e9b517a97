// A value that copies share until one of them changes it: the changing copy clones it first.
// Lexicons are copied once per article that extends them (titled leaders, short forms, open
// topics) and change only in their leaders and issues; the rest stays shared.
//
// Thread-safety: as for the value itself. Copies in different threads may be read, copied
// and destroyed concurrently; Mutable() on one copy is a write to that copy only (a copy that
// might still be shared is cloned, never written in place).
#ifndef PARLEY_INGEST_COPY_ON_WRITE_H_
#define PARLEY_INGEST_COPY_ON_WRITE_H_

#include <memory>

namespace parley::ingest {

template <typename T>
class CopyOnWrite {
 public:
  CopyOnWrite() : value_(std::make_shared<T>()) {}

  const T& operator*() const { return *value_; }
  const T* operator->() const { return value_.get(); }

  // The value, for changing: this copy's own (cloned first when other copies share it).
  T& Mutable() {
    if (value_.use_count() > 1) value_ = std::make_shared<T>(*value_);
    return *value_;
  }

  // Whether other copies share this copy's value (Mutable() would clone it).
  bool Shared() const { return value_.use_count() > 1; }

  // Whether this copy and `other` share one value (for tests and assertions).
  bool SharesWith(const CopyOnWrite& other) const { return value_ == other.value_; }

 private:
  std::shared_ptr<T> value_;  // never null
};

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_COPY_ON_WRITE_H_
