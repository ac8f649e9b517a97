// A vector whose copies share its elements chunk by chunk: a copy costs one pointer per chunk
// of kChunkSize elements, and a copy that changes or appends an element clones only the chunk
// it writes to. The lexicon holds thousands of leaders and is copied for every article that
// adds a few (leaders the text introduces with a title): cloning the whole table each time
// cost a fifth of extracting a short article.
//
// Element addresses stay valid until this copy writes to their chunk (Mutable, or push_back
// into it after a clone); copies never write to each other's chunks.
//
// Thread-safety: as for CopyOnWrite (copy_on_write.h): copies in different threads may be read,
// copied and destroyed concurrently; writing to one copy is a write to that copy only.
#ifndef PARLEY_INGEST_COPY_ON_WRITE_VECTOR_H_
#define PARLEY_INGEST_COPY_ON_WRITE_VECTOR_H_

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <vector>

namespace parley::ingest {

template <typename T>
class CopyOnWriteVector {
 public:
  static constexpr std::size_t kChunkSize = 64;

  class const_iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = const T&;

    const_iterator() = default;
    reference operator*() const { return (*owner_)[index_]; }
    pointer operator->() const { return &(*owner_)[index_]; }
    reference operator[](difference_type n) const { return (*owner_)[index_ + n]; }
    const_iterator& operator++() { ++index_; return *this; }
    const_iterator operator++(int) { const_iterator old = *this; ++index_; return old; }
    const_iterator& operator--() { --index_; return *this; }
    const_iterator operator--(int) { const_iterator old = *this; --index_; return old; }
    const_iterator& operator+=(difference_type n) { index_ += n; return *this; }
    const_iterator& operator-=(difference_type n) { index_ -= n; return *this; }
    friend const_iterator operator+(const_iterator it, difference_type n) { return it += n; }
    friend const_iterator operator+(difference_type n, const_iterator it) { return it += n; }
    friend const_iterator operator-(const_iterator it, difference_type n) { return it -= n; }
    friend difference_type operator-(const const_iterator& a, const const_iterator& b) {
      return static_cast<difference_type>(a.index_) - static_cast<difference_type>(b.index_);
    }
    friend bool operator==(const const_iterator& a, const const_iterator& b) {
      return a.index_ == b.index_;
    }
    friend auto operator<=>(const const_iterator& a, const const_iterator& b) {
      return a.index_ <=> b.index_;
    }

   private:
    friend class CopyOnWriteVector;
    const_iterator(const CopyOnWriteVector* owner, std::size_t index)
        : owner_(owner), index_(index) {}
    const CopyOnWriteVector* owner_ = nullptr;
    std::size_t index_ = 0;
  };

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T& operator[](std::size_t i) const { return (*chunks_[i / kChunkSize])[i % kChunkSize]; }
  const T& at(std::size_t i) const {
    if (i >= size_) throw std::out_of_range("CopyOnWriteVector::at");
    return (*this)[i];
  }
  const T& back() const { return (*this)[size_ - 1]; }
  const_iterator begin() const { return const_iterator(this, 0); }
  const_iterator end() const { return const_iterator(this, size_); }

  // Element `i`, for changing: this copy's own (its chunk cloned first when shared).
  // REQUIRES: i < size().
  T& Mutable(std::size_t i) { return OwnChunk(i / kChunkSize)[i % kChunkSize]; }

  void push_back(T value) {
    if (size_ % kChunkSize == 0) {
      auto chunk = std::make_shared<Chunk>();
      chunk->reserve(kChunkSize);
      chunks_.push_back(std::move(chunk));
    }
    OwnChunk(size_ / kChunkSize).push_back(std::move(value));
    ++size_;
  }

  // Element-wise equality (copies sharing their chunks compare equal without looking).
  friend bool operator==(const CopyOnWriteVector& a, const CopyOnWriteVector& b) {
    return a.SharesAllWith(b) ||
           (a.size_ == b.size_ && std::equal(a.begin(), a.end(), b.begin()));
  }

  // Whether this copy and `other` share every element (neither has changed or added any
  // since one was copied from the other).
  bool SharesAllWith(const CopyOnWriteVector& other) const {
    return size_ == other.size_ && chunks_ == other.chunks_;
  }

 private:
  using Chunk = std::vector<T>;

  Chunk& OwnChunk(std::size_t c) {
    if (chunks_[c].use_count() > 1) {
      auto clone = std::make_shared<Chunk>();
      clone->reserve(kChunkSize);
      clone->insert(clone->end(), chunks_[c]->begin(), chunks_[c]->end());
      chunks_[c] = std::move(clone);
    }
    return *chunks_[c];
  }

  std::vector<std::shared_ptr<Chunk>> chunks_;  // each full but the last; never null
  std::size_t size_ = 0;
};

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_COPY_ON_WRITE_VECTOR_H_
