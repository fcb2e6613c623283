#include "store/sorted_runs_memtable.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "rocksdb/version.h"

namespace claims::store {
namespace {

using rocksdb::MemTableRep;

// Entries (RocksDB's length-prefixed internal keys) and where each ascending run starts.
struct Entries {
  std::vector<const char*> keys;
  std::vector<size_t> run_starts;  // run_starts[0] == 0 when keys is not empty
};

// Reads the varint32 that starts a memtable entry (its internal key's length).
inline const char* DecodeLength(const char* p, uint32_t* length) {
  uint32_t value = 0;
  for (int shift = 0; shift <= 28; shift += 7) {
    const uint32_t byte = static_cast<unsigned char>(*p++);
    value |= (byte & 0x7f) << shift;
    if (byte < 0x80) break;
  }
  *length = value;
  return p;
}

// Two memtable entries in the order of RocksDB's internal key comparator over
// BytewiseComparator(): user keys bytewise ascending, then the 8-byte little-endian trailer
// (sequence << 8 | type) descending, so that the newest write of a key comes first.
int CompareBytewiseEntries(const char* a, const char* b) {
  uint32_t a_length, b_length;
  a = DecodeLength(a, &a_length);
  b = DecodeLength(b, &b_length);
  const size_t a_user = a_length - 8, b_user = b_length - 8;
  const int r = std::memcmp(a, b, std::min(a_user, b_user));
  if (r != 0) return r;
  if (a_user != b_user) return a_user < b_user ? -1 : 1;
  uint64_t a_trailer = 0, b_trailer = 0;
  for (int i = 7; i >= 0; --i) {
    a_trailer = a_trailer << 8 | static_cast<unsigned char>(a[a_user + i]);
    b_trailer = b_trailer << 8 | static_cast<unsigned char>(b[b_user + i]);
  }
  return a_trailer > b_trailer ? -1 : a_trailer < b_trailer ? 1 : 0;
}

// A memtable entry's key part for `user_key` written at `sequence` as a value.
std::string ProbeEntry(const std::string& user_key, uint64_t sequence) {
  std::string out(1, static_cast<char>(user_key.size() + 8));  // lengths < 128 here
  out += user_key;
  const uint64_t trailer = sequence << 8 | 1;  // kTypeValue
  for (int i = 0; i < 8; ++i) out += static_cast<char>(trailer >> (8 * i));
  return out;
}

// Whether `compare` orders entries as CompareBytewiseEntries does, on probes that tell it
// from the other comparators RocksDB ships (reverse bytewise, signed bytes, length first).
// The families that use this representation keep the default comparator; a family that
// does not still gets a correct memtable, through its own comparator.
bool OrdersBytewise(const MemTableRep::KeyComparator& compare) {
  const std::vector<std::string> probes = {
      ProbeEntry("", 1),  ProbeEntry("a", 9),  ProbeEntry("a", 2),
      ProbeEntry("a\x01", 5), ProbeEntry("a\x80", 5), ProbeEntry("aa", 3),
      ProbeEntry("b", 1),  ProbeEntry("ba", 7), ProbeEntry("\xff", 4)};
  for (const std::string& a : probes) {
    for (const std::string& b : probes) {
      const int expected = CompareBytewiseEntries(a.data(), b.data());
      const int got = compare(a.data(), b.data());
      if ((expected < 0) != (got < 0) || (expected > 0) != (got > 0)) return false;
    }
  }
  return true;
}

// The order of a memtable's entries: the family's comparator, or the same order computed
// inline when it is bytewise (flushing sorts millions of entries, and each call of RocksDB's
// comparator is two virtual calls and a thread-local performance counter).
class EntryOrder {
 public:
  explicit EntryOrder(const MemTableRep::KeyComparator& compare)
      : compare_(compare), bytewise_(OrdersBytewise(compare)) {}
  int operator()(const char* a, const char* b) const {
    return bytewise_ ? CompareBytewiseEntries(a, b) : compare_(a, b);
  }

 private:
  const MemTableRep::KeyComparator& compare_;
  const bool bytewise_;
};

// Sorts `e` by merging its runs pairwise, bottom-up, until one is left.
void MergeRuns(const EntryOrder& order, Entries* e) {
  auto less = [&order](const char* a, const char* b) { return order(a, b) < 0; };
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
      : MemTableRep(allocator),
        compare_(compare),
        order_(compare),
        entries_(std::make_shared<Entries>()) {}

  void Insert(rocksdb::KeyHandle handle) override {
    const char* key = static_cast<const char*>(handle);
    absl::MutexLock lock(&mu_);
    Entries& e = *entries_;
    if (e.keys.empty() || order_(key, e.keys.back()) < 0) e.run_starts.push_back(e.keys.size());
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

  // MemTableRep's own Get (a Seek on GetDynamicPrefixIterator()) never deletes that iterator
  // (RocksDB 7.8, db/memtable.cc: a raw pointer; RocksDB's own reps all override Get), which
  // here would leak the iterator and the sorted copy of the entries it holds. Found by
  // LeakSanitizer (CLAIMS_SANITIZE=1) in sorted_runs_memtable_test. LookupKey is not in
  // RocksDB's public headers, so this Get cannot seek by itself: it runs MemTableRep's and
  // deletes, on the way out, the iterator that GetDynamicPrefixIterator made for it on this
  // thread. Checked against RocksDB 7.8 up to 11.8 (MemTableRep::Get unchanged): should a
  // later version delete its iterator, this would delete it twice, hence the assertion.
  static_assert(ROCKSDB_MAJOR < 12, "recheck MemTableRep::Get (db/memtable.cc) before upgrading");
  void Get(const rocksdb::LookupKey& k, void* callback_args,
           bool (*callback_func)(void* arg, const char* entry)) override {
    struct Scope {
      Iterator* made = nullptr;
      Iterator** previous = get_iterator_;
      Scope() { get_iterator_ = &made; }
      ~Scope() {
        get_iterator_ = previous;
        delete made;
      }
    } scope;
    MemTableRep::Get(k, callback_args, callback_func);
  }

  Iterator* GetDynamicPrefixIterator(rocksdb::Arena* arena) override {
    Iterator* it = GetIterator(arena);
    if (arena == nullptr && get_iterator_ != nullptr && *get_iterator_ == nullptr) {
      *get_iterator_ = it;
    }
    return it;
  }

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
        if (entries_->run_starts.size() > 1) MergeRuns(order_, entries_.get());
        return entries_;
      }
    }
    auto copy = std::make_shared<Entries>();
    {
      absl::ReaderMutexLock lock(&mu_);
      *copy = *entries_;
    }
    MergeRuns(order_, copy.get());
    return copy;
  }

  // Where Get keeps the iterator it must delete (null outside Get), per thread.
  ABSL_CONST_INIT static thread_local Iterator** get_iterator_;

  const KeyComparator& compare_;
  const EntryOrder order_;
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

ABSL_CONST_INIT thread_local MemTableRep::Iterator** SortedRunsRep::get_iterator_ = nullptr;

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
