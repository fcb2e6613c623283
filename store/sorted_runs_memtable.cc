#include "store/sorted_runs_memtable.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace claims::store {
namespace {

using rocksdb::MemTableRep;

// Entries (RocksDB's length-prefixed internal keys) and where each ascending run starts.
struct Entries {
  std::vector<const char*> keys;
  std::vector<size_t> run_starts;  // run_starts[0] == 0 when keys is not empty
};

// Sorts `e` by merging its runs pairwise, bottom-up, until one is left.
void MergeRuns(const MemTableRep::KeyComparator& compare, Entries* e) {
  auto less = [&compare](const char* a, const char* b) { return compare(a, b) < 0; };
  std::vector<size_t> bounds = e->run_starts;
  bounds.push_back(e->keys.size());
  while (bounds.size() > 2) {
    std::vector<size_t> next;
    next.reserve(bounds.size() / 2 + 2);
    size_t r = 0;
    for (; r + 2 < bounds.size(); r += 2) {
      std::inplace_merge(e->keys.begin() + bounds[r], e->keys.begin() + bounds[r + 1],
                         e->keys.begin() + bounds[r + 2], less);
      next.push_back(bounds[r]);
    }
    for (; r < bounds.size(); ++r) next.push_back(bounds[r]);  // an odd run, and the end
    bounds = std::move(next);
  }
  e->run_starts.assign(e->keys.empty() ? 0 : 1, 0);
}

class SortedRunsRep final : public MemTableRep {
 public:
  SortedRunsRep(const KeyComparator& compare, rocksdb::Allocator* allocator)
      : MemTableRep(allocator), compare_(compare), entries_(std::make_shared<Entries>()) {}

  void Insert(rocksdb::KeyHandle handle) override {
    const char* key = static_cast<const char*>(handle);
    absl::MutexLock lock(&mu_);
    Entries& e = *entries_;
    if (e.keys.empty() || compare_(key, e.keys.back()) < 0) e.run_starts.push_back(e.keys.size());
    e.keys.push_back(key);
    memory_.store(sizeof(*this) + e.keys.capacity() * sizeof(const char*) +
                      e.run_starts.capacity() * sizeof(size_t),
                  std::memory_order_relaxed);
  }

  bool Contains(const char* key) const override {
    std::unique_ptr<Iterator> it(const_cast<SortedRunsRep*>(this)->GetIterator(nullptr));
    it->Seek(rocksdb::Slice(), key);  // `key` is a memtable key
    return it->Valid() && compare_(it->key(), key) == 0;
  }

  void MarkReadOnly() override {
    absl::MutexLock lock(&mu_);
    immutable_ = true;
  }

  // Asked after every insert: read without the lock.
  size_t ApproximateMemoryUsage() override { return memory_.load(std::memory_order_relaxed); }

  // Get is MemTableRep's own: a Seek on an iterator.

  Iterator* GetIterator(rocksdb::Arena* arena) override;

 private:
  class SortedIterator;
  // Storage for iterators RocksDB asks to have placed in its arena: it then calls their
  // destructor but frees nothing, and its Arena class is not public. Such an iterator lives
  // in a slot of this pool instead, which its destructor gives back. Slots live as long as
  // the memtable, which outlives its iterators (they hold a reference to it).
  struct alignas(16) Slot {
    unsigned char bytes[128];
  };
  void* TakeSlot() {
    absl::MutexLock lock(&pool_mu_);
    if (free_slots_.empty()) {
      slots_.push_back(std::make_unique<Slot>());
      return slots_.back().get();
    }
    void* slot = free_slots_.back();
    free_slots_.pop_back();
    return slot;
  }
  void GiveBack(void* slot) {
    absl::MutexLock lock(&pool_mu_);
    free_slots_.push_back(slot);
  }
  // The entries in order: for a read-only memtable sorted in place once (and shared by every
  // iterator), for one still written a sorted copy.
  std::shared_ptr<const Entries> Sorted() {
    {
      absl::MutexLock lock(&mu_);
      if (immutable_) {
        if (entries_->run_starts.size() > 1) MergeRuns(compare_, entries_.get());
        return entries_;
      }
    }
    auto copy = std::make_shared<Entries>();
    {
      absl::ReaderMutexLock lock(&mu_);
      *copy = *entries_;
    }
    MergeRuns(compare_, copy.get());
    return copy;
  }

  const KeyComparator& compare_;
  absl::Mutex mu_;
  std::shared_ptr<Entries> entries_ ABSL_GUARDED_BY(mu_);
  bool immutable_ ABSL_GUARDED_BY(mu_) = false;
  std::atomic<size_t> memory_{sizeof(*this)};  // of the entries, as of the last insert
  absl::Mutex pool_mu_;
  std::vector<std::unique_ptr<Slot>> slots_ ABSL_GUARDED_BY(pool_mu_);
  std::vector<void*> free_slots_ ABSL_GUARDED_BY(pool_mu_);
};

class SortedRunsRep::SortedIterator final : public MemTableRep::Iterator {
 public:
  // `pool` is the rep whose slot holds this iterator, or null for one made by new.
  SortedIterator(SortedRunsRep* pool, const KeyComparator& compare, std::shared_ptr<const Entries> entries)
      : slot_{pool, this},
        compare_(compare),
        entries_(std::move(entries)),
        keys_(entries_->keys),
        pos_(keys_.size()) {}

  bool Valid() const override { return pos_ < keys_.size(); }
  const char* key() const override { return keys_[pos_]; }
  void Next() override { ++pos_; }
  // Before the first entry the iterator becomes invalid (past the end), as RocksDB's own
  // representations do.
  void Prev() override { pos_ = pos_ == 0 ? keys_.size() : pos_ - 1; }
  void Seek(const rocksdb::Slice& internal_key, const char* memtable_key) override {
    // The first entry >= target.
    pos_ = std::partition_point(keys_.begin(), keys_.end(),
                                [&](const char* e) { return Compare(e, internal_key, memtable_key) < 0; }) -
           keys_.begin();
  }
  void SeekForPrev(const rocksdb::Slice& internal_key, const char* memtable_key) override {
    // The last entry <= target: the one before the first entry > target.
    const size_t after = std::partition_point(keys_.begin(), keys_.end(),
                                              [&](const char* e) {
                                                return Compare(e, internal_key, memtable_key) <= 0;
                                              }) -
                         keys_.begin();
    pos_ = after == 0 ? keys_.size() : after - 1;
  }
  void SeekToFirst() override { pos_ = 0; }
  void SeekToLast() override { pos_ = keys_.empty() ? 0 : keys_.size() - 1; }

 private:
  // Entry `e` against the target, given as a memtable key when not null, else as an internal
  // key: negative, zero or positive.
  int Compare(const char* e, const rocksdb::Slice& internal_key, const char* memtable_key) const {
    return memtable_key != nullptr ? compare_(e, memtable_key) : compare_(e, internal_key);
  }

  // Declared first, so destroyed last: the slot is given back only when nothing of this
  // iterator is left to destroy.
  struct SlotReturner {
    SortedRunsRep* pool;
    void* slot;
    ~SlotReturner() {
      if (pool != nullptr) pool->GiveBack(slot);
    }
  } slot_;
  const KeyComparator& compare_;
  const std::shared_ptr<const Entries> entries_;
  const std::vector<const char*>& keys_;
  size_t pos_;
};

MemTableRep::Iterator* SortedRunsRep::GetIterator(rocksdb::Arena* arena) {
  static_assert(sizeof(SortedIterator) <= sizeof(Slot) && alignof(SortedIterator) <= alignof(Slot),
                "an iterator fits a slot");
  std::shared_ptr<const Entries> sorted = Sorted();
  if (arena == nullptr) return new SortedIterator(nullptr, compare_, std::move(sorted));
  return new (TakeSlot()) SortedIterator(this, compare_, std::move(sorted));
}

}  // namespace

rocksdb::MemTableRep* SortedRunsRepFactory::CreateMemTableRep(const MemTableRep::KeyComparator& compare,
                                                             rocksdb::Allocator* allocator,
                                                             const rocksdb::SliceTransform* /*transform*/,
                                                             rocksdb::Logger* /*logger*/) {
  return new SortedRunsRep(compare, allocator);
}

}  // namespace claims::store
