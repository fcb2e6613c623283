// The writes of one or more articles, collected so that a group commit applies them to
// RocksDB in key order, each key once.
//
// Why: RocksDB's memtable is a skiplist, and an insert next to the previous one in key order
// costs a few comparisons where a random one costs a full descent with cache misses; an
// article's ~500 writes land all over the index. And the articles of one group repeat many
// keys (entity records, aliases, day counters), which need writing only once.
//
// Semantics, per (family, key), in the order operations were added (batches in the order
// given to Merge): a Put or Delete supersedes every earlier operation on the key, so only the
// last one is applied; counter deltas (merge operands of the Int64Add operator) after it are
// summed into one operand, dropped when the sum is zero. The result equals applying every
// operation in order.
//
// Not thread-safe: one thread fills a SortedBatch; Merge reads several that are complete.
#ifndef CLAIMS_STORE_SORTED_BATCH_H_
#define CLAIMS_STORE_SORTED_BATCH_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace rocksdb {
class ColumnFamilyHandle;
class WriteBatch;
}  // namespace rocksdb

namespace claims::store {

// Sees each operation Merge is about to append (after the operations on its key are
// combined) and may drop it. Called on the merging thread only.
class MergeFilter {
 public:
  virtual ~MergeFilter() = default;
  // True to append the Put, false to drop it. `key` and `value` stay valid until the
  // batches given to Merge are destroyed or changed.
  virtual bool KeepPut(int family, absl::string_view key, absl::string_view value) = 0;
  // Deletes are always appended; this only reports them.
  virtual void SawDelete(int family, absl::string_view key) = 0;
};

class SortedBatch {
 public:
  // `family` indexes the handles given to Merge.
  void Put(int family, absl::string_view key, absl::string_view value);
  // A Put of the key `key_head` followed by `key_tail` (built here, without a temporary).
  void Put(int family, absl::string_view key_head, absl::string_view key_tail,
           absl::string_view value);
  void Delete(int family, absl::string_view key);
  // A merge operand of the signed 64-bit add operator.
  void AddToCounter(int family, absl::string_view key, int64_t delta);

  // Orders the operations by (family, key), keeping the order of additions within a key.
  // Call once all operations are added and before Merge.
  void Sort();

  size_t size() const { return ops_.size(); }
  // Room for `ops` operations of `bytes` bytes of keys and values in all.
  void Reserve(size_t ops, size_t bytes);

  // Appends the operations of `batches` (each sorted) to `out`, family by family, one per
  // key as described above. Returns the number of operations appended. With a `filter`, each
  // combined Put is appended only when the filter keeps it (not owned; may be null).
  //
  // Families whose bit is set in `shared_families` are merged across batches, in key order.
  // In the others, where the caller knows no two batches touch the same key (one article's
  // postings and claims), each batch's operations follow the previous batch's, each batch in
  // key order: the same effect (a key of two batches would be written twice, the later
  // last) for none of the merge's comparisons.
  static size_t Merge(const std::vector<const SortedBatch*>& batches,
                      const std::vector<rocksdb::ColumnFamilyHandle*>& families,
                      rocksdb::WriteBatch* out, MergeFilter* filter = nullptr,
                      uint64_t shared_families = ~uint64_t{0});

 private:
  enum class Kind : uint8_t { kPut, kDelete, kAdd };
  struct Op {
    uint32_t key_pos;
    uint32_t key_size;
    uint32_t value_pos;  // kPut
    uint32_t value_size;
    int64_t delta;       // kAdd
    uint8_t family;
    Kind kind;
  };

  absl::string_view Key(const Op& op) const { return {bytes_.data() + op.key_pos, op.key_size}; }
  absl::string_view Value(const Op& op) const {
    return {bytes_.data() + op.value_pos, op.value_size};
  }
  uint32_t Append(absl::string_view s);

  std::string bytes_;  // keys and values, back to back
  std::vector<Op> ops_;
};

}  // namespace claims::store

#endif  // CLAIMS_STORE_SORTED_BATCH_H_
