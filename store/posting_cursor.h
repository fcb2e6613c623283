// Cursors over index postings, and their union and intersection (leapfrog).
//
// A cursor walks the posting suffixes ("<time desc><claim id>") of one or more index
// prefixes in iteration order: ascending bytes (newest claim first) when `reverse` is
// false, descending bytes (oldest first) when true. Not thread-safe: one query, one thread.
// Internal to store/.
#ifndef CLAIMS_STORE_POSTING_CURSOR_H_
#define CLAIMS_STORE_POSTING_CURSOR_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "rocksdb/db.h"
#include "store/key_codec.h"

namespace claims::store {

// Counts the work a query did, so that benchmarks can show that cost follows the answer.
struct ScanStats {
  int64_t entries_read = 0;  // index entries the cursors stood on
  int64_t seeks = 0;
};

class PostingCursor {
 public:
  virtual ~PostingCursor() = default;
  virtual bool Valid() const = 0;
  // The current suffix; only while Valid().
  virtual absl::string_view suffix() const = 0;
  virtual void Next() = 0;
  // Moves to the first posting at or after `target` in iteration order (never backwards).
  virtual void Seek(absl::string_view target) = 0;
};

// True when a comes strictly before b in the iteration order.
inline bool Before(absl::string_view a, absl::string_view b, bool reverse) {
  return reverse ? b < a : a < b;
}

// The postings of one index prefix within a suffix range. Starts positioned on the first.
// `db` and `cf` must outlive the cursor.
std::unique_ptr<PostingCursor> NewPrefixCursor(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf,
                                               std::string prefix, const SuffixRange& range,
                                               bool reverse, ScanStats* stats);
// Any-of: every posting of any child, each suffix once. Takes ownership of the children.
std::unique_ptr<PostingCursor> NewUnionCursor(std::vector<std::unique_ptr<PostingCursor>> children,
                                              bool reverse);
// All-of: the postings every child has (leapfrog join). Takes ownership of the children.
std::unique_ptr<PostingCursor> NewIntersectionCursor(
    std::vector<std::unique_ptr<PostingCursor>> children, bool reverse);
// The postings of `positive` that `negative` does not have. Takes ownership of both.
std::unique_ptr<PostingCursor> NewDifferenceCursor(std::unique_ptr<PostingCursor> positive,
                                                   std::unique_ptr<PostingCursor> negative);
// A cursor with no postings.
std::unique_ptr<PostingCursor> NewEmptyCursor();

}  // namespace claims::store

#endif  // CLAIMS_STORE_POSTING_CURSOR_H_
