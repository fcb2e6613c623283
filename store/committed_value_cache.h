// The values that one column family's keys were last durably committed with, so that a group
// commit can drop a Put that would write the value a key already has.
//
// Why: every article that names a known organisation or speaker re-puts its entity record
// and aliases (~47 of an article's ~330 writes); almost all of them are unchanged.
//
// Contract (what keeps every entry equal to the key's value in the database):
//   - every write of the family goes through one serialised commit path, which merges the
//     group with this cache as the SortedBatch::Merge filter, writes the batch, and then calls
//     Committed() when the write succeeded or Failed() when it did not, before the next group
//     is merged;
//   - nothing else writes, deletes or overwrites the family's keys (no direct DB::Write, no
//     DeleteRange, no ingestion of external files) while the cache is in use.
// A Put is dropped only when the cache holds exactly (byte for byte) the same value, so a
// changed value is always written. Entries are learnt only from successful writes; a failed
// write clears the cache (RocksDB may or may not have applied it). A Delete forgets its key
// at once. Bounded: when it holds `max_entries`, the cache is cleared before learning more.
//
// Not thread-safe: used by one commit leader at a time (the commit queue serialises them).
#ifndef CLAIMS_STORE_COMMITTED_VALUE_CACHE_H_
#define CLAIMS_STORE_COMMITTED_VALUE_CACHE_H_

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "store/sorted_batch.h"

namespace claims::store {

class CommittedValueCache final : public MergeFilter {
 public:
  // Caches the keys of family `family` (a SortedBatch family index); other families' writes
  // are always kept.
  CommittedValueCache(int family, size_t max_entries);

  // MergeFilter: drops a Put of `family` whose value equals the cached one; remembers the
  // others as pending until Committed() or Failed().
  bool KeepPut(int family, absl::string_view key, absl::string_view value) override;
  void SawDelete(int family, absl::string_view key) override;

  // The merged batch was written durably: learn its pending Puts. Must be called while the
  // batches given to Merge are still alive and unchanged (the pending Puts point into them).
  void Committed();
  // The write failed: forget everything.
  void Failed();

  size_t size() const { return values_.size(); }
  // Puts dropped since construction (for tests and diagnostics).
  int64_t dropped() const { return dropped_; }

 private:
  const int family_;
  const size_t max_entries_;
  absl::flat_hash_map<std::string, std::string> values_;
  // Puts kept by the group being merged: (key, value) in the group's batches.
  std::vector<std::pair<absl::string_view, absl::string_view>> pending_;
  int64_t dropped_ = 0;
};

}  // namespace claims::store

#endif  // CLAIMS_STORE_COMMITTED_VALUE_CACHE_H_
