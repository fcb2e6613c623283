// The claims database: RocksDB with column families `articles`, `claims`, `index`,
// `entities`, `counters` (merge operator: signed 64-bit add) and `meta`.
//
// One process opens it as the primary (read-write: claims-ingest); any number of others open
// it as secondaries (read-only, caught up on demand: claims-query). Every article is written
// in ONE atomic, synced WriteBatch with its claims, index entries and counter deltas;
// re-ingesting an article replaces its claims in the same batch. Only store/ includes
// RocksDB headers.
#ifndef CLAIMS_STORE_CLAIM_STORE_H_
#define CLAIMS_STORE_CLAIM_STORE_H_

#include <array>
#include <deque>
#include <functional>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "claims/v1/claims.pb.h"
#include "store/filter_expr.h"

namespace rocksdb {
class DB;
class ColumnFamilyHandle;
}  // namespace rocksdb

namespace claims::store {

class CommittedValueCache;
class SortedBatch;

inline constexpr int kSchemaVersion = 1;

// One page request. The filter's names are already resolved to ids.
struct ClaimQuery {
  FilterExpr filter;  // default: every claim
  bool oldest_first = false;
  // Resume strictly after this posting suffix (from ClaimPage::last_suffix); "" = start.
  std::string after_suffix;
  int limit = 50;
};

struct ClaimPage {
  std::vector<claims::v1::Claim> claims;
  // Suffix of the last returned claim; resume with ClaimQuery::after_suffix.
  std::string last_suffix;
  bool more = false;       // another matching claim exists after the page
  int64_t entries_read = 0;  // index entries visited (cost of the query)
};

struct PutResult {
  bool replaced = false;   // an earlier version existed
  bool unchanged = false;  // it was identical: nothing written
  int old_claim_count = 0;
  // With `keep_longer`, when the stored version was kept: it and its claims, as read under
  // the article's lock (one consistent version).
  std::optional<claims::v1::Article> kept_article;
  std::vector<claims::v1::Claim> kept_claims;
};

// Sizes of the families, counted by a full scan: for tests, diagnostics and benchmarks.
struct StoreStats {
  int64_t articles = 0;
  int64_t claims = 0;
  int64_t index_entries = 0;
};

// What CountClaims groups by.
enum class GroupBy { kOrganisation, kTopic, kSpeaker, kDay, kMonth, kYear };

struct CountRow {
  std::string key;  // entity id, or "2025-07-14" / "2025-07" / "2025"
  int64_t count = 0;
};

struct CountResult {
  // Entities: most claims first (then key); time buckets: chronological.
  std::vector<CountRow> rows;
  // True when answered from the merge-operator counters, false when from the postings.
  bool from_counters = false;
  int64_t entries_read = 0;  // counter or index entries visited
};

// Claims in ingestion order, for live watches.
struct SequencedClaims {
  std::vector<claims::v1::Claim> claims;  // ingest_sequence ascending
  int64_t last_sequence = 0;              // the highest sequence scanned (resume after it)
};

struct CountedEntity {
  std::string id;
  std::string name;
  std::string parent_id;  // topics
  int kind = 0;           // speakers: Speaker::Kind
  std::vector<std::string> aliases;
  int64_t claim_count = 0;
};

// How a primary keeps its recent writes in memory (RocksDB memtables).
enum class MemtableLayout {
  // Sorted as they arrive (skiplists): queries on the primary itself read them directly.
  kForReads,
  // The index, entity and counter families append writes and sort them once, in the
  // background, when a memtable is flushed: a commit's ~25 postings per claim cost an append
  // each instead of a skiplist search inside the (serial) commit. Queries on the primary stay
  // correct but sort a copy of the memtable per iterator: for a writer that does not answer
  // queries itself, as claims-ingest (its readers are secondaries, which replay the log into
  // their own sorted memtables).
  kForWrites,
};

struct PrimaryOptions {
  // Sync the write-ahead log before a commit returns (acknowledged means durable). false
  // only for bulk loads in benchmarks: an acknowledged write may then be lost on power failure.
  bool sync_writes = true;
  MemtableLayout memtables = MemtableLayout::kForReads;
};

// Thread-safe: all methods may be called concurrently. Writes to one article are
// serialised internally (a re-ingest reads the old claims and replaces them atomically).
class ClaimStore {
 public:
  // Opens (creating if missing) the database read-write. Errors: UNAVAILABLE with RocksDB's
  // message when the directory is locked by another process ("held by another claims-ingest")
  // or cannot be created; FAILED_PRECONDITION on a schema version this build does not know.
  static absl::StatusOr<std::unique_ptr<ClaimStore>> OpenPrimary(const std::string& path);
  // As above; `sync_writes = false` skips the fsync per commit (bulk loads in benchmarks
  // only: an acknowledged write may then be lost on power failure).
  static absl::StatusOr<std::unique_ptr<ClaimStore>> OpenPrimary(const std::string& path,
                                                                 bool sync_writes);
  // As above, with every choice of the writer spelled out.
  static absl::StatusOr<std::unique_ptr<ClaimStore>> OpenPrimary(const std::string& path,
                                                                 const PrimaryOptions& options);
  // Opens an existing database as a secondary; `secondary_path` is a private directory for
  // its info log. Errors: UNAVAILABLE when there is no database at `path` yet.
  static absl::StatusOr<std::unique_ptr<ClaimStore>> OpenSecondary(
      const std::string& path, const std::string& secondary_path);
  ~ClaimStore();

  ClaimStore(const ClaimStore&) = delete;
  ClaimStore& operator=(const ClaimStore&) = delete;

  bool is_secondary() const { return secondary_; }

  // --- Writes (primary only; FAILED_PRECONDITION on a secondary) ---

  // Stores an article and its claims durably (synced WAL) in one batch, replacing every
  // claim, index entry and counter contribution of an earlier version with the same id.
  // Claims must carry article_id == article.id(). Errors: INVALID_ARGUMENT for an empty id,
  // INTERNAL for RocksDB failures.
  // With `keep_longer`, an earlier version whose text is longer than `article`'s is kept
  // as it is and the result is `unchanged` (decided under the article's lock, so a
  // concurrent write of the same id cannot slip between the check and the write).
  absl::StatusOr<PutResult> PutArticle(const claims::v1::Article& article,
                                       const std::vector<claims::v1::Claim>& claims,
                                       bool keep_longer = false);
  // Removes the article, its claims and all their index entries and counts.
  // Returns the number of claims removed. NOT_FOUND when there is no such article.
  absl::StatusOr<int> DeleteArticle(absl::string_view article_id);
  // Records known organisations with their aliases (from the alias catalogue), and the
  // topics of the taxonomy, so that filters can name them before any claim does.
  absl::Status RegisterOrganisations(const std::vector<claims::v1::Organisation>& orgs);
  absl::Status RegisterTopics(const std::vector<claims::v1::Topic>& topics);

  // --- Reads (primary or secondary) ---

  // Makes a secondary see the primary's latest writes (no-op on a primary).
  absl::Status CatchUp();

  // NOT_FOUND when absent.
  absl::StatusOr<claims::v1::Article> GetArticle(absl::string_view id) const;
  absl::StatusOr<claims::v1::Claim> GetClaim(absl::string_view id) const;
  // Claims of one article in id order.
  absl::StatusOr<std::vector<claims::v1::Claim>> ClaimsOfArticle(absl::string_view article_id) const;

  // Ids of the entities named by `name`: its id, or any name/alias equal to it after
  // NormaliseName (case-insensitive); for a speaker, also the name without a leading title
  // when the whole finds nothing ("Dr Amelia Hart"). Empty when nothing matches. A
  // secondary remembers the answers until its view of the database changes (a CatchUp that
  // brings new writes).
  absl::StatusOr<std::vector<std::string>> ResolveEntity(char type, absl::string_view name) const;

  // One page of claims matching `query`, in time order (newest first unless oldest_first).
  // Cost: seeks and scans of the postings of the filtered values; never a full scan unless
  // the query has no filter at all.
  absl::StatusOr<ClaimPage> ListClaims(const ClaimQuery& query) const;

  // Entities of a type ('o', 't', 's') whose id, name or alias starts with `prefix`
  // (NormaliseName-d), ordered by claim count (most first), then id; at most `limit`.
  // Entities with no claims are included only when `include_empty`.
  absl::StatusOr<std::vector<CountedEntity>> ListEntities(char type, absl::string_view prefix,
                                                          int limit, bool include_empty) const;

  // Exact claim counts of the claims matching `filter`, grouped by `group_by`. From the
  // counters when the filter allows (no filter; or one organisation, topic or speaker; and
  // a time range on whole UTC days when grouping by time), otherwise from the postings
  // (cost follows the number of matches).
  absl::StatusOr<CountResult> CountClaims(const FilterExpr& filter, GroupBy group_by) const;

  // Up to `limit` claims committed after `after_sequence`, in commit order. Every claim of
  // a sequence number S is visible no later than any claim of a sequence above S.
  absl::StatusOr<SequencedClaims> ClaimsSince(int64_t after_sequence, int limit) const;
  // The sequence number of the last committed article (0 when none).
  absl::StatusOr<int64_t> LastSequence() const;

  // Display name of an entity ('o', 't', 's'), or "" when unknown.
  absl::StatusOr<std::string> EntityName(char type, absl::string_view id) const;

  // Counts every key: O(database size). Not for request paths.
  absl::StatusOr<StoreStats> Stats() const;

  // Flushes the memtables and rewrites every table file of every family with the current
  // options (a full manual compaction): after an options change, and for benchmarks. Slow:
  // O(database size). FAILED_PRECONDITION on a secondary.
  absl::Status CompactAll();

 private:
  ClaimStore(std::unique_ptr<rocksdb::DB> db, std::vector<rocksdb::ColumnFamilyHandle*> handles,
             bool secondary);

  absl::Status CheckWritable() const;
  absl::StatusOr<std::vector<std::string>> ResolveEntityUncached(char type,
                                                                absl::string_view name) const;
  // The claims with these ids, in this order, skipping any that no longer exist.
  absl::StatusOr<std::vector<claims::v1::Claim>> ReadClaims(const std::vector<std::string>& ids) const;
  absl::Mutex& LockFor(absl::string_view article_id);

  // Constant after construction.
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;  // owned; destroyed before db_
  rocksdb::ColumnFamilyHandle* articles_;
  rocksdb::ColumnFamilyHandle* claims_;
  rocksdb::ColumnFamilyHandle* index_;
  rocksdb::ColumnFamilyHandle* entities_;
  rocksdb::ColumnFamilyHandle* counters_;
  rocksdb::ColumnFamilyHandle* meta_;
  const bool secondary_;
  bool sync_writes_ = true;

  // One queued write: its operations, prepared before it queues, and those that need its
  // sequence number.
  struct Writer;
  // Commits `writer` with every other queued writer in one synced WriteBatch (group commit,
  // leader/follower as in LevelDB), assigning sequence numbers in commit order.
  absl::Status Commit(Writer* writer);
  // Commits writes that are not an article's (they take no sequence number) through the
  // same queue, so that every write of the entities family passes the leader's cache.
  absl::Status CommitUnsequenced(SortedBatch ops);

  // Guards the write queue and the sequence; not held while a group is built and written.
  absl::Mutex write_mu_;
  std::deque<Writer*> writers_ ABSL_GUARDED_BY(write_mu_);
  int64_t last_sequence_ ABSL_GUARDED_BY(write_mu_) = 0;
  // The entity values last committed, to drop unchanged re-puts of entity records and aliases
  // (see committed_value_cache.h). Used only by the commit leader of the moment: leaders are
  // serialised by the write queue. Every write of the entities family goes through Commit.
  const std::unique_ptr<CommittedValueCache> entity_cache_;

  // Striped locks serialising read-modify-write of one article id.
  std::array<absl::Mutex, 64> article_locks_;
  // Serialises CatchUp calls on a secondary.
  absl::Mutex catch_up_mu_;
  // ResolveEntity's answers on a secondary (thread-safe on its own).
  struct ResolveCache;
  const std::unique_ptr<ResolveCache> resolve_cache_;
};

}  // namespace claims::store

#endif  // CLAIMS_STORE_CLAIM_STORE_H_
