// A RocksDB memtable representation for a writer that inserts in sorted runs: each write
// batch of claims-ingest's group commit puts its keys in ascending order (SortedBatch), so a
// memtable's entries are a few hundred ascending runs, one per commit. Like RocksDB's vector
// memtable it appends each insert and sorts once, when the memtable is first read (in
// practice when it is flushed, in the background); unlike it, the sort merges the runs that
// are already there: O(n log runs) comparisons instead of std::sort's O(n log n). With the
// default (bytewise) comparator, which is what claims-ingest's families keep, the sort
// compares entries inline rather than through RocksDB's comparator objects; any other
// comparator is used as given.
//
// Reads are correct at any time, as RocksDB's contract asks, but a read of a memtable that
// is still written copies and sorts it: meant for families the writer does not read. (Point
// reads go through our own Get: RocksDB's default one leaks its iterator.)
//
// Thread-safety: one writer at a time (allow_concurrent_memtable_write = false), concurrent
// with any number of readers; the factory is thread-safe and may be shared by families.
#ifndef CLAIMS_STORE_SORTED_RUNS_MEMTABLE_H_
#define CLAIMS_STORE_SORTED_RUNS_MEMTABLE_H_

#include "rocksdb/memtablerep.h"

namespace claims::store {

class SortedRunsRepFactory : public rocksdb::MemTableRepFactory {
 public:
  rocksdb::MemTableRep* CreateMemTableRep(const rocksdb::MemTableRep::KeyComparator& compare,
                                          rocksdb::Allocator* allocator,
                                          const rocksdb::SliceTransform* transform,
                                          rocksdb::Logger* logger) override;
  const char* Name() const override { return "ClaimsSortedRunsRepFactory"; }
};

}  // namespace claims::store

#endif  // CLAIMS_STORE_SORTED_RUNS_MEMTABLE_H_
